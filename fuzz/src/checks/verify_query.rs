//! `verify_query`: hostile raw queries never panic `parse_query`/`verify_in`
//! and get the reference verifier's verdict; a request the core signed always
//! verifies, in any equivalent form encoding, and stops verifying when a
//! signed value, the method, the host or the path changes.
//!
//! The first byte of the first field picks the mode (see `input.rs`):
//! - even (or an empty input): raw — method, scheme, host, path, query, now
//!   (ISO 8601), window seconds (decimal), the known Access Key ID, its secret;
//! - odd: round trip — signature method name, secret, method, scheme, host,
//!   path, when (number), style (number), then parameter name/value pairs.

use super::input::{Fields, borrow};
use super::reference_verify::{self, Received};
use super::sign_differential::SignInput;
use mws_sign::{
    Error, RawParam, ReceivedRequest, SignedRequest, Timestamp, UnixTime, VerifyOptions,
    parse_query, verify_in,
};

/// Runs one input; panics on any disagreement.
pub fn run(data: &[u8]) {
    let mut fields = Fields::new(data);
    let mode = fields.bytes().first().copied().unwrap_or(0);
    if mode % 2 == 0 {
        raw(&mut fields);
    } else {
        round_trip(fields);
    }
}

/// The core's verdict on a received request: the Access Key ID or the error kind.
fn core_verify(
    request: &ReceivedRequest<'_>,
    now: UnixTime,
    window_seconds: u32,
    key: (&str, &[u8]),
) -> Result<String, &'static str> {
    let mut space = vec![RawParam::EMPTY; request.query.split('&').count()];
    let options = VerifyOptions {
        now,
        window_seconds,
    };
    let lookup = |id: &str| (id == key.0).then_some(key.1);
    verify_in(request, &options, lookup, &mut space)
        .map(|v| v.access_key_id().to_owned())
        .map_err(|e| e.kind())
}

fn raw(fields: &mut Fields<'_>) {
    let (method, scheme, host, path, query) = (
        fields.text(),
        fields.text(),
        fields.text(),
        fields.text(),
        fields.text(),
    );
    let now_bytes = fields.bytes();
    let now = UnixTime::parse_iso8601(&String::from_utf8_lossy(now_bytes))
        .unwrap_or_else(|_| UnixTime::from_millis(super::input::number(now_bytes) as i64));
    let window_bytes = fields.bytes();
    let window_seconds = String::from_utf8_lossy(window_bytes)
        .parse()
        .unwrap_or_else(|_| super::input::number(window_bytes) as u32);
    let key_id = fields.text();
    let secret = fields.bytes();

    parse_matches_reference(&query);
    let request = ReceivedRequest {
        method: &method,
        scheme: &scheme,
        host: &host,
        path: &path,
        query: &query,
    };
    let key = (key_id.as_str(), secret);
    let actual = core_verify(&request, now, window_seconds, key);
    let expected = reference_verify::verify(&Received {
        method: &method,
        scheme: &scheme,
        host: &host,
        path: &path,
        query: &query,
        now_nanos: i128::from(now.secs()) * 1_000_000_000 + i128::from(now.subsec_nanos()),
        window_seconds,
        key,
    });
    assert_eq!(actual, expected, "verify_in on {query:?}");
}

/// `parse_query` finds the same parameters as the reference parser, or the same fault.
fn parse_matches_reference(query: &str) {
    let mut space = vec![RawParam::EMPTY; query.split('&').count()];
    let parsed = parse_query(query, &mut space).map_err(|e| e.kind());
    let mut expected = reference_verify::parse(query);
    match (parsed, &mut expected) {
        (Ok(params), Ok(pairs)) => {
            pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            let mut buf = vec![0u8; query.len()];
            let got: Vec<(String, String)> = params
                .iter()
                .map(|p| {
                    let name = reference_verify::form_decode(p.raw_name()).unwrap_or_default();
                    let value = p.decode_value(&mut buf).map(str::to_owned);
                    (name, value.unwrap_or_else(|e| panic!("decode_value: {e}")))
                })
                .collect();
            assert_eq!(&got, pairs, "parse_query({query:?})");
            for (name, value) in pairs.iter() {
                let found = params.get(name);
                assert!(found.is_some_and(|p| p.value_is(value)), "get({name:?})");
            }
        }
        (parsed, expected) => {
            assert_eq!(
                parsed.err(),
                expected.as_ref().err().copied(),
                "parse_query({query:?})"
            )
        }
    }
}

/// Milliseconds of 0000-01-01 and 9999-12-31T23:59:59.999Z.
const MIN_MILLIS: i64 = -62_167_219_200_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;
const KEY_ID: &str = "AKIAFUZZEXAMPLE00001";
/// Names the round trip sets itself; the input's parameters of these names are dropped.
const AUTH: [&str; 6] = [
    "AWSAccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "Timestamp",
    "Expires",
    "Signature",
];

fn round_trip(mut fields: Fields<'_>) {
    let input = SignInput::read(&mut fields);
    let (when, style) = (fields.number(), fields.number());
    let extra = fields.pairs();

    let algorithm = if input.signature_method == "HmacSHA1" {
        "HmacSHA1"
    } else {
        "HmacSHA256"
    };
    let millis = MIN_MILLIS + (when % (MAX_MILLIS - MIN_MILLIS + 1) as u64) as i64;
    let stamp = Timestamp::from_unix_millis(millis).map(|t| t.as_str().to_owned());
    let stamp = stamp.unwrap_or_else(|e| panic!("from_unix_millis({millis}): {e}"));
    let mut pairs: Vec<(String, String)> = vec![
        ("AWSAccessKeyId".into(), KEY_ID.into()),
        ("SignatureMethod".into(), algorithm.into()),
        ("SignatureVersion".into(), "2".into()),
        ("Timestamp".into(), stamp),
    ];
    for (name, value) in extra {
        if !name.is_empty() && !AUTH.contains(&name.as_str()) && !pairs.iter().any(|p| p.0 == name)
        {
            pairs.push((name, value));
        }
    }
    let mut params = borrow(&pairs);
    let (m, s, h, p) = (&input.method, &input.scheme, &input.host, &input.path);
    let signed = match SignedRequest::new(&input.secret, algorithm, m, s, h, p, &mut params) {
        Ok(signed) => signed,
        Err(e) => {
            // The parameters are clean: only the head or the secret can be at fault.
            let head_or_secret = matches!(
                e,
                Error::InvalidMethod
                    | Error::InvalidScheme
                    | Error::InvalidHost
                    | Error::InvalidPath
                    | Error::EmptySecret
            );
            assert!(head_or_secret, "signing clean parameters failed: {e}");
            return;
        }
    };
    let query = signed.signed_query().to_string();
    let signature = signed.signature().as_str().to_owned();
    let host_line = signed.head().host_line().to_string();
    let verb = signed.head().method_line().to_string();
    let sorted: Vec<(String, String)> = signed
        .params()
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();

    // Anywhere in the window, both edges included.
    let window = VerifyOptions::DEFAULT_WINDOW_SECONDS;
    let skew = (style % (2 * u64::from(window) * 1000 + 1)) as i64 - i64::from(window) * 1000;
    let now = UnixTime::from_millis(millis + skew);
    let key = (KEY_ID, input.secret.as_slice());
    let verify = |method: &str, host: &str, path: &str, query: &str| {
        let request = ReceivedRequest {
            method,
            scheme: s,
            host,
            path,
            query,
        };
        core_verify(&request, now, window, key)
    };
    let ok = Ok(KEY_ID.to_owned());
    assert_eq!(verify(m, h, p, &query), ok, "the signed query {query:?}");
    let alternative = form_encode(&sorted, &signature, style);
    assert_eq!(
        verify(m, h, p, &alternative),
        ok,
        "an equivalent encoding {alternative:?}"
    );

    // One change per input, picked by `style`: a signed value (that value's
    // own check fails), the signature, the method, the host or the path.
    let changed = |what: &str, result: Result<String, &'static str>, expected: &'static str| {
        assert_eq!(result, Err(expected), "{what} changed: {query:?}");
    };
    match (style >> 56) % 5 {
        0 => {
            let at = (style >> 32) as usize % sorted.len();
            let mut pairs = sorted.clone();
            pairs[at].1.push('x');
            let expected = match pairs[at].0.as_str() {
                "AWSAccessKeyId" => "InvalidAccessKeyId",
                "SignatureVersion" => "UnsupportedSignatureVersion",
                "SignatureMethod" => "UnsupportedSignatureMethod",
                "Timestamp" => "InvalidTimestamp",
                _ => "SignatureDoesNotMatch",
            };
            let tampered = form_encode(&pairs, &signature, 0);
            changed(&pairs[at].0, verify(m, h, p, &tampered), expected);
        }
        1 => {
            let forged = form_encode(&sorted, &format!("{signature}x"), 0);
            changed(
                "Signature",
                verify(m, h, p, &forged),
                "SignatureDoesNotMatch",
            );
        }
        2 => {
            let other = if verb == "GET" { "POST" } else { "GET" };
            changed(
                "the method",
                verify(other, h, p, &query),
                "SignatureDoesNotMatch",
            );
        }
        3 => {
            let other = if host_line == "fuzz.example" {
                "fuzz2.example"
            } else {
                "fuzz.example"
            };
            changed(
                "the host",
                verify(m, other, p, &query),
                "SignatureDoesNotMatch",
            );
        }
        _ => {
            let other = if p.is_empty() {
                "/x".to_owned()
            } else {
                format!("{p}x")
            };
            changed(
                "the path",
                verify(m, h, &other, &query),
                "SignatureDoesNotMatch",
            );
        }
    }
}

/// Writes a query that decodes to `pairs` plus the signature, with the
/// choices form encoding leaves open (raw or escaped characters, hex case,
/// `+` or `%20`, parameter order) taken from `style`; 0 gives the plain S2 form.
fn form_encode(pairs: &[(String, String)], signature: &str, style: u64) -> String {
    let mut bits = style;
    let mut next = |n: u64| {
        // xorshift: a few cheap choices per character from one number.
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        bits % n
    };
    let mut encode = |text: &str| {
        let mut out = String::new();
        for c in text.chars() {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let must_escape = matches!(c, '&' | '=' | '%' | '+');
            let unreserved = c.is_ascii_alphanumeric() || "-_.~".contains(c);
            let upper = |out: &mut String| {
                bytes
                    .iter()
                    .for_each(|b| out.push_str(&format!("%{b:02X}")))
            };
            if style == 0 {
                if unreserved {
                    out.push(c)
                } else {
                    upper(&mut out)
                }
                continue;
            }
            match next(3) {
                0 if !must_escape => out.push(c),
                0 | 1 if c == ' ' => out.push('+'),
                1 => upper(&mut out),
                _ => bytes
                    .iter()
                    .for_each(|b| out.push_str(&format!("%{b:02x}"))),
            }
        }
        out
    };
    let mut pieces: Vec<String> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain([("Signature", signature)])
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect();
    if style != 0 {
        let turn = (style >> 48) as usize % pieces.len();
        pieces.rotate_left(turn);
    }
    pieces.join("&")
}
