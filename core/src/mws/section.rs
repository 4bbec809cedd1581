//! The MWS API sections: each has its path and `Version`, shared by every
//! operation in it (spec §3, "API sections").

macro_rules! sections {
    ($( $variant:ident = $name:literal, $path:literal, $version:literal, $seller:literal; )*) => {
        /// An MWS API section.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Section {
            $(
                #[doc = concat!("`", $name, "`: path `", $path, "`, Version `", $version, "`.")]
                $variant,
            )*
        }

        impl Section {
            /// Every section, in the order of the spec's table.
            pub const ALL: &'static [Section] = &[$(Section::$variant),*];

            /// The section's name, e.g. `"Orders"`.
            pub const fn name(self) -> &'static str {
                match self { $(Section::$variant => $name,)* }
            }

            /// The request path, e.g. `"/Orders/2013-09-01"`.
            pub const fn path(self) -> &'static str {
                match self { $(Section::$variant => $path,)* }
            }

            /// The `Version` parameter, e.g. `"2013-09-01"`.
            pub const fn version(self) -> &'static str {
                match self { $(Section::$variant => $version,)* }
            }

            /// The name of the seller parameter: `Merchant` for Feeds and
            /// Reports, `SellerId` everywhere else.
            pub const fn seller_parameter(self) -> &'static str {
                match self { $(Section::$variant => $seller,)* }
            }
        }
    };
}

sections! {
    Feeds = "Feeds", "/", "2009-01-01", "Merchant";
    Reports = "Reports", "/", "2009-01-01", "Merchant";
    Orders = "Orders", "/Orders/2013-09-01", "2013-09-01", "SellerId";
    Products = "Products", "/Products/2011-10-01", "2011-10-01", "SellerId";
    Sellers = "Sellers", "/Sellers/2011-07-01", "2011-07-01", "SellerId";
    FulfillmentInboundShipment = "FulfillmentInboundShipment", "/FulfillmentInboundShipment/2010-10-01", "2010-10-01", "SellerId";
    FulfillmentOutboundShipment = "FulfillmentOutboundShipment", "/FulfillmentOutboundShipment/2010-10-01", "2010-10-01", "SellerId";
    FulfillmentInventory = "FulfillmentInventory", "/FulfillmentInventory/2010-10-01", "2010-10-01", "SellerId";
    Recommendations = "Recommendations", "/Recommendations/2013-04-01", "2013-04-01", "SellerId";
    Subscriptions = "Subscriptions", "/Subscriptions/2013-07-01", "2013-07-01", "SellerId";
    Finances = "Finances", "/Finances/2015-05-01", "2015-05-01", "SellerId";
    MerchantFulfillment = "MerchantFulfillment", "/MerchantFulfillment/2015-06-01", "2015-06-01", "SellerId";
    EasyShip = "EasyShip", "/EasyShip/2018-09-01", "2018-09-01", "SellerId";
    ShipmentInvoicing = "ShipmentInvoicing", "/ShipmentInvoicing/2018-09-01", "2018-09-01", "SellerId";
    CustomerInformation = "CustomerInformation", "/CustomerInformation/2014-03-01", "2014-03-01", "SellerId";
    CartInformation = "CartInformation", "/CartInformation/2014-03-01", "2014-03-01", "SellerId";
    OffAmazonPayments = "OffAmazonPayments", "/OffAmazonPayments/2013-01-01", "2013-01-01", "SellerId";
    OffAmazonPaymentsSandbox = "OffAmazonPaymentsSandbox", "/OffAmazonPayments_Sandbox/2013-01-01", "2013-01-01", "SellerId";
}

impl Section {
    /// The section named `name` (ASCII case ignored).
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL
            .iter()
            .copied()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}
