//! Property tests: laws that must hold for every input, not just the vectors.
//!
//! - the order of the input parameters never changes the result (S3);
//! - percent-decoding undoes S2 encoding for any Unicode text;
//! - the canonical query uses only unreserved bytes, `%XY` (uppercase), `=` and `&`;
//! - a request signed by the core verifies, with HmacSHA256 and HmacSHA1;
//! - the one-pass `Signer::sign_to_query` gives the signature and signed
//!   query of the two-pass path, and exactly the needed length when short;
//! - the one-call `sign` is the `hmac` crate's HMAC of the string to
//!   sign, for keys of every length up to and past a block.
//!
//! The case count is kept small so `cargo test` stays fast; raise it with
//! `PROPTEST_CASES=10000 cargo test -p mws-sign --test properties`. A failure
//! prints the minimal input it shrank to; no regression file is written.

use mws_sign::{
    Error, RawParam, ReceivedRequest, RequestHead, SignatureMethod, SignedRequest, Signer,
    SortedParams, Timestamp, UnixTime, VerifyOptions, percent_encode, percent_encoded_len,
    verify_in,
};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let default_cases = if cfg!(miri) { 2 } else { 256 };
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any text, control characters and astral planes included.
fn text(max: usize) -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..=max).prop_map(|chars| chars.into_iter().collect())
}

/// Parameters with distinct, non-empty names that are not auth parameters.
fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = vec(any::<char>(), 1..8)
        .prop_map(|chars| chars.into_iter().collect::<String>())
        .prop_filter("auth parameters are set by the test", |n| {
            !n.starts_with("Signature")
                && !["AWSAccessKeyId", "Timestamp", "Expires"].contains(&n.as_str())
        });
    btree_map(name, text(12), 0..10).prop_map(|m| m.into_iter().collect())
}

fn host() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9-]{0,8}[a-z0-9](\\.[a-z]{2,5}){0,2}(:[1-9][0-9]{0,3})?"
}

fn path() -> impl Strategy<Value = String> {
    vec(text(6), 0..4).prop_map(|segments| segments.iter().map(|s| format!("/{s}")).collect())
}

fn method() -> impl Strategy<Value = SignatureMethod> {
    prop_oneof![
        Just(SignatureMethod::HmacSha256),
        Just(SignatureMethod::HmacSha1)
    ]
}

/// Standard Base64 with padding, written for this test.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |g, (i, &b)| g | u32::from(b) << (16 - 8 * i));
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                char::from(ALPHABET[(group >> (18 - 6 * k) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

/// The HMAC of `message` by the `hmac` crate, in Base64 (`None` for a
/// method it is not set up for here).
fn reference_hmac(alg: SignatureMethod, key: &[u8], message: &[u8]) -> Option<String> {
    use hmac::{Hmac, KeyInit, Mac};
    match alg {
        SignatureMethod::HmacSha256 => {
            let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).ok()?;
            mac.update(message);
            Some(base64(&mac.finalize().into_bytes()))
        }
        SignatureMethod::HmacSha1 => {
            let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key).ok()?;
            mac.update(message);
            Some(base64(&mac.finalize().into_bytes()))
        }
        _ => None,
    }
}

fn borrow(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

/// Percent-decoding written for this test: `%XY` is a byte, anything else
/// itself; `None` for a broken escape.
fn percent_decode(encoded: &str) -> Option<Vec<u8>> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Whether `text` is made of unreserved bytes, `%XY` with uppercase hex, and `extra`.
fn only_s2_bytes(text: &str, extra: &[u8]) -> bool {
    let b = text.as_bytes();
    let hex = |c: &u8| c.is_ascii_digit() || (b'A'..=b'F').contains(c);
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if !b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(hex)) {
                return false;
            }
            i += 3;
        } else if b[i].is_ascii_alphanumeric() || b"-_.~".contains(&b[i]) || extra.contains(&b[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parameter_order_never_changes_the_result(
        (given, shuffled) in vec((text(6), text(8)), 0..10)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        alg in method(),
    ) {
        let sign = |pairs: &[(String, String)]| {
            let mut params = borrow(pairs);
            SignedRequest::new(b"secret", alg.name(), "POST", "https", "example.com", "/", &mut params)
                .map(|s| (s.canonical_query().to_string(), s.signature().as_str().to_owned()))
        };
        prop_assert_eq!(sign(&given), sign(&shuffled));
    }

    #[test]
    fn percent_decoding_undoes_s2_encoding(text in text(40)) {
        let mut buf = vec![0u8; percent_encoded_len(&text)];
        let encoded = percent_encode(&text, &mut buf).expect("sized by percent_encoded_len");
        prop_assert!(only_s2_bytes(encoded, b""), "{:?}", encoded);
        prop_assert_eq!(percent_decode(encoded), Some(text.into_bytes()));
    }

    #[test]
    fn signed_requests_verify(
        params in params(),
        alg in method(),
        secret in vec(any::<u8>(), 1..48),
        verb in "[A-Za-z]{1,16}",
        host in host(),
        path in path(),
        millis in 0i64..253_402_300_799_999,
        skew in -900_000i64..=900_000,
    ) {
        let stamp = Timestamp::from_unix_millis(millis).expect("in range");
        let mut pairs = params.clone();
        pairs.extend([
            ("AWSAccessKeyId".to_owned(), "AKIDPROPERTY".to_owned()),
            ("SignatureMethod".to_owned(), alg.name().to_owned()),
            ("SignatureVersion".to_owned(), "2".to_owned()),
            ("Timestamp".to_owned(), stamp.as_str().to_owned()),
        ]);
        let mut borrowed = borrow(&pairs);
        let signed =
            SignedRequest::new(&secret, alg.name(), &verb, "https", &host, &path, &mut borrowed)
                .expect("a valid request signs");
        prop_assert_eq!(signed.signature().as_str().len(), alg.signature_len());

        let canonical = signed.canonical_query().to_string();
        prop_assert!(only_s2_bytes(&canonical, b"=&"), "{:?}", canonical);

        let query = signed.signed_query().to_string();
        let request = ReceivedRequest { method: &verb, scheme: "https", host: &host, path: &path, query: &query };
        let options = VerifyOptions { now: UnixTime::from_millis(millis + skew), window_seconds: 900 };
        let mut space = vec![RawParam::EMPTY; query.split('&').count()];
        let lookup = |id: &str| (id == "AKIDPROPERTY").then_some(secret.as_slice());
        let verified = verify_in(&request, &options, lookup, &mut space);
        prop_assert_eq!(verified.map(|v| (v.access_key_id().to_owned(), v.signature_method())),
            Ok(("AKIDPROPERTY".to_owned(), alg)));
    }

    #[test]
    fn one_call_sign_is_the_hmac_of_the_string_to_sign(
        params in params(),
        alg in method(),
        secret in vec(any::<u8>(), 1..160),
        host in host(),
        path in path(),
    ) {
        // The string to sign is the core's (the vectors check it); what
        // is checked here is the one call's MAC over it.
        let mut pairs = borrow(&params);
        let signed = SignedRequest::new(&secret, alg.name(), "POST", "https", &host, &path, &mut pairs)
            .expect("a valid request signs");
        let expected = reference_hmac(alg, &secret, signed.string_to_sign().to_string().as_bytes());
        let head = RequestHead::new("POST", "https", &host, &path).expect("a valid head");
        let one_call = mws_sign::sign(&secret, alg, &head, &borrow(&params)).expect("signs");
        prop_assert_eq!(Some(one_call.as_str().to_owned()), expected);
    }

    #[test]
    fn sign_to_query_matches_the_two_pass_path(
        params in params(),
        alg in method(),
        secret in vec(any::<u8>(), 1..48),
        host in host(),
        path in path(),
    ) {
        let mut two_pass = borrow(&params);
        let signed = SignedRequest::new(&secret, alg.name(), "POST", "https", &host, &path, &mut two_pass)
            .expect("a valid request signs");
        let expected = signed.signed_query().to_string();
        let canonical = signed.canonical_query().to_string().len();

        let signer = Signer::new(&secret, alg).expect("a valid key");
        let head = RequestHead::new("POST", "https", &host, &path).expect("a valid head");
        let mut one_pass = borrow(&params);
        let sorted = SortedParams::sort_in_place(&mut one_pass).expect("valid names");
        let needed = expected.len();
        // Short by any amount (the canonical query itself not fitting, or
        // only the signature), exact, and roomy.
        for size in [0, canonical / 2, canonical.saturating_sub(1), canonical, canonical + 1, needed - 1, needed, needed + 64] {
            let mut out = vec![0u8; size];
            match signer.sign_to_query(&head, &sorted, &mut out) {
                Ok((signature, query)) => {
                    prop_assert!(size >= needed, "signed into {} of {} bytes", size, needed);
                    prop_assert_eq!(signature.as_str(), signed.signature().as_str());
                    prop_assert_eq!(query, expected.as_str());
                }
                Err(e) => {
                    prop_assert!(size < needed, "{:?} with {} of {} bytes", e, size, needed);
                    prop_assert_eq!(e, Error::BufferTooSmall { needed });
                }
            }
        }
    }
}
