//! The MWS marketplaces and their endpoints (spec §3, "Endpoints").

/// An MWS region: marketplaces of a region share developer registrations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// North America (and Brazil).
    NorthAmerica,
    /// Europe, the Middle East and India.
    Europe,
    /// The Far East: Japan, Australia, Singapore.
    FarEast,
    /// China.
    China,
}

impl Region {
    /// `NA`, `EU`, `FE` or `CN`.
    pub const fn code(self) -> &'static str {
        match self {
            Region::NorthAmerica => "NA",
            Region::Europe => "EU",
            Region::FarEast => "FE",
            Region::China => "CN",
        }
    }
}

macro_rules! marketplaces {
    ($( $variant:ident = $code:literal, $region:ident, $id:literal, $host:literal; )*) => {
        /// An Amazon marketplace reachable through MWS.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Marketplace {
            $(
                #[doc = concat!("`", $code, "`: MarketplaceId `", $id, "` at `", $host, "`.")]
                $variant,
            )*
        }

        impl Marketplace {
            /// Every marketplace, in the order of the spec's table.
            pub const ALL: &'static [Marketplace] = &[$(Marketplace::$variant),*];

            /// The two-letter country code, e.g. `"DE"`.
            pub const fn code(self) -> &'static str {
                match self { $(Marketplace::$variant => $code,)* }
            }

            /// The `MarketplaceId`, e.g. `"A1PA6795UKMFR9"`.
            pub const fn id(self) -> &'static str {
                match self { $(Marketplace::$variant => $id,)* }
            }

            /// The MWS endpoint host, e.g. `"mws-eu.amazonservices.com"`.
            pub const fn host(self) -> &'static str {
                match self { $(Marketplace::$variant => $host,)* }
            }

            /// The region.
            pub const fn region(self) -> Region {
                match self { $(Marketplace::$variant => Region::$region,)* }
            }
        }
    };
}

marketplaces! {
    Us = "US", NorthAmerica, "ATVPDKIKX0DER", "mws.amazonservices.com";
    Ca = "CA", NorthAmerica, "A2EUQ1WTGCTBG2", "mws.amazonservices.ca";
    Mx = "MX", NorthAmerica, "A1AM78C64UM0Y8", "mws.amazonservices.com.mx";
    Br = "BR", NorthAmerica, "A2Q3Y263D00KWC", "mws.amazonservices.com";
    De = "DE", Europe, "A1PA6795UKMFR9", "mws-eu.amazonservices.com";
    Es = "ES", Europe, "A1RKKUPIHCS9HS", "mws-eu.amazonservices.com";
    Fr = "FR", Europe, "A13V1IB3VIYZZH", "mws-eu.amazonservices.com";
    Gb = "GB", Europe, "A1F83G8C2ARO7P", "mws-eu.amazonservices.com";
    It = "IT", Europe, "APJ6JRA9NG5V4", "mws-eu.amazonservices.com";
    Nl = "NL", Europe, "A1805IZSGTT6HS", "mws-eu.amazonservices.com";
    Se = "SE", Europe, "A2NODRKZP88ZB9", "mws-eu.amazonservices.com";
    Pl = "PL", Europe, "A1C3SOZRARQ6R3", "mws-eu.amazonservices.com";
    Be = "BE", Europe, "AMEN7PMS3EDWL", "mws-eu.amazonservices.com";
    Tr = "TR", Europe, "A33AVAJ2PDY3EV", "mws-eu.amazonservices.com";
    Eg = "EG", Europe, "ARBP9OOSHTCHU", "mws-eu.amazonservices.com";
    Sa = "SA", Europe, "A17E79C6D8DWNP", "mws-eu.amazonservices.com";
    Ae = "AE", Europe, "A2VIGQ35RCS4UG", "mws.amazonservices.ae";
    In = "IN", Europe, "A21TJRUUN4KGV", "mws.amazonservices.in";
    Jp = "JP", FarEast, "A1VC38T7YXB528", "mws.amazonservices.jp";
    Au = "AU", FarEast, "A39IBJ37TRP1C6", "mws.amazonservices.com.au";
    Sg = "SG", FarEast, "A19VAU5U5O7RUS", "mws-fe.amazonservices.com";
    Cn = "CN", China, "AAHKV2X7AFYLW", "mws.amazonservices.com.cn";
}

impl Marketplace {
    /// The marketplace with country code `code` (ASCII case ignored; `UK` is `GB`).
    pub fn from_code(code: &str) -> Option<Marketplace> {
        if code.eq_ignore_ascii_case("UK") {
            return Some(Marketplace::Gb);
        }
        Marketplace::ALL
            .iter()
            .copied()
            .find(|m| m.code().eq_ignore_ascii_case(code))
    }

    /// The marketplace whose `MarketplaceId` is `id`.
    pub fn from_id(id: &str) -> Option<Marketplace> {
        Marketplace::ALL.iter().copied().find(|m| m.id() == id)
    }
}
