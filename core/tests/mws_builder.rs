//! The MWS request builder must rebuild, from credentials, section, action
//! and extras, exactly the signed queries that the independent reference
//! computed for the MWS cases of `tests/vectors/signing.json` and for the
//! shared `orders` benchmark request.

// Test helpers stop at the first broken fixture, like the tests themselves.
#![allow(clippy::panic, clippy::expect_used, clippy::unwrap_used)]

use mws_sign::{
    Credentials, MwsRequest, Param, Scheme, Section, SignatureMethod, Signer, SortedParams,
};
use serde_json::Value;

/// The parameters the builder adds itself.
const BUILDER_PARAMS: [&str; 9] = [
    "AWSAccessKeyId",
    "Action",
    "SellerId",
    "Merchant",
    "MWSAuthToken",
    "SignatureMethod",
    "SignatureVersion",
    "Timestamp",
    "ContentMD5Value",
];

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Rebuilds one sign case through the builder; `None` if it is not an MWS call.
fn rebuild(case: &Value) -> Option<(String, String)> {
    let params: Vec<(&str, &str)> = case["params"]
        .as_array()?
        .iter()
        .map(|p| (p[0].as_str().unwrap_or(""), p[1].as_str().unwrap_or("")))
        .collect();
    let get = |name: &str| params.iter().find(|p| p.0 == name).map(|p| p.1);
    let version = get("Version")?;
    let section = Section::ALL
        .iter()
        .copied()
        .find(|s| s.path() == case["path"].as_str().unwrap_or("") && s.version() == version)?;
    let seller = get(section.seller_parameter())?;
    let method = SignatureMethod::from_name(get("SignatureMethod")?).ok()?;
    let signer = Signer::new(case["secret"].as_str()?.as_bytes(), method).ok()?;
    let mut creds = Credentials::with_signer(get("AWSAccessKeyId")?, signer, seller);
    if let Some(token) = get("MWSAuthToken") {
        creds = creds.auth_token(token);
    }
    let mut extra: Vec<Param<'_>> = params
        .iter()
        .copied()
        .filter(|p| !BUILDER_PARAMS.contains(&p.0) && p.0 != "Version")
        .collect();
    let mut request = MwsRequest {
        scheme: Scheme::Https,
        host: case["host"].as_str()?,
        section,
        action: get("Action")?,
        params: &[],
        timestamp: get("Timestamp")?,
        content_md5: get("ContentMD5Value"),
    };
    // Both the unlimited in-place path and the stack-index convenience.
    let sorted = SortedParams::sort_in_place(&mut extra).ok()?;
    let in_place = creds
        .sign_request(&request, sorted)
        .ok()?
        .signed_query()
        .to_string();
    // The one-pass path, which writes the query while signing.
    let mut buf = vec![0u8; 64 * 1024];
    let sorted = SortedParams::sort_in_place(&mut extra).ok()?;
    let (signed, one_pass) = creds.sign_to_query(&request, sorted, &mut buf).ok()?;
    assert_eq!(in_place, one_pass);
    assert_eq!(signed.signed_query().len(), one_pass.len());
    request.params = &extra;
    let written = creds.write_signed_query(&request, &mut buf).ok()?;
    assert_eq!(in_place, written);
    Some((case["name"].as_str()?.to_owned(), in_place))
}

#[test]
fn builder_reproduces_reference_mws_requests() {
    let mut checked = 0;
    for file in [
        "../tests/vectors/signing.json",
        "../../shared/bench/workloads.json",
    ] {
        if !std::path::Path::new(file).exists() {
            continue;
        }
        for case in load(file)["sign"].as_array().into_iter().flatten() {
            if let Some((name, query)) = rebuild(case) {
                assert_eq!(query, case["signed_query"].as_str().unwrap_or(""), "{name}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 7, "only {checked} MWS cases rebuilt");
}

#[test]
fn builder_rejects_what_it_cannot_send() {
    use mws_sign::{Error, Marketplace};
    let creds = Credentials::new("AKID", b"secret", "SELLER").expect("keyed");
    let ok = MwsRequest::new(
        Marketplace::De,
        Section::Orders,
        "ListOrders",
        "2020-06-01T12:34:56Z",
    );
    let mut buf = [0u8; 2048];
    assert!(creds.write_signed_query(&ok, &mut buf).is_ok());
    let dup = [("Action", "Other")];
    assert_eq!(
        creds.write_signed_query(&ok.params(&dup), &mut buf),
        Err(Error::DuplicateParameter)
    );
    let bad_time = MwsRequest::new(Marketplace::De, Section::Orders, "ListOrders", "yesterday");
    assert_eq!(
        creds.write_signed_query(&bad_time, &mut buf),
        Err(Error::InvalidTimestamp)
    );
    let no_action = MwsRequest::new(Marketplace::De, Section::Orders, "", "2020-06-01T12:34:56Z");
    assert_eq!(
        creds.write_signed_query(&no_action, &mut buf),
        Err(Error::MissingParameter)
    );
    // Too small by any amount: the exact length is reported.
    let whole = creds.write_signed_query(&ok, &mut buf).expect("fits").len();
    let mut short = vec![0u8; whole];
    for cap in [0, 8, whole / 2, whole - 1] {
        assert_eq!(
            creds.write_signed_query(&ok, &mut short[..cap]),
            Err(Error::BufferTooSmall { needed: whole }),
            "{cap} bytes"
        );
    }
    // An empty token is no token: MWSAuthToken is left out, never sent empty.
    let with_empty = creds.clone().auth_token("");
    let body = with_empty
        .write_signed_query(&ok, &mut buf)
        .expect("signed");
    assert!(!body.contains("MWSAuthToken"));
    let mut url = [0u8; 2048];
    assert_eq!(
        creds.write_url(&ok, &mut url),
        Ok("https://mws-eu.amazonservices.com/Orders/2013-09-01")
    );
    let feed = MwsRequest::new(
        Marketplace::De,
        Section::Feeds,
        "SubmitFeed",
        "2020-06-01T12:34:56Z",
    )
    .content_md5("mA5nPbh1CSx9M3dbkr3Cyg==");
    let url = creds.write_url(&feed, &mut url).expect("url");
    assert!(url.starts_with("https://mws-eu.amazonservices.com/?AWSAccessKeyId=AKID&Action=SubmitFeed&ContentMD5Value=mA5nPbh1CSx9M3dbkr3Cyg%3D%3D&Merchant=SELLER&"));
}

#[test]
fn tables_match_the_spec() {
    use mws_sign::Marketplace;
    assert_eq!(Marketplace::ALL.len(), 22);
    assert_eq!(Marketplace::from_code("uk"), Some(Marketplace::Gb));
    assert_eq!(
        Marketplace::from_id("A1VC38T7YXB528").map(Marketplace::host),
        Some("mws.amazonservices.jp")
    );
    assert_eq!(Marketplace::Sg.host(), "mws-fe.amazonservices.com");
    assert_eq!(
        Section::from_name("reports").map(Section::seller_parameter),
        Some("Merchant")
    );
    assert_eq!(
        Section::OffAmazonPaymentsSandbox.path(),
        "/OffAmazonPayments_Sandbox/2013-01-01"
    );
    assert_eq!(Section::ALL.len(), 18);
}
