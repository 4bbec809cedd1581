//! The verification rules (`SIGNING.md` §2, `docs/DECISIONS.md`), written
//! longhand over owned strings: the oracle of the `verify_query` target.
//! Errors are the kind names of the shared vector format.

use super::{reference, reference_time};

/// The core hands the lookup at most this many bytes of Access Key ID
/// (`mws_sign::MAX_ACCESS_KEY_ID_LEN`, a documented limit of its API); a
/// longer one is an unknown key.
const MAX_ACCESS_KEY_ID_LEN: usize = 128;

/// Decodes form-encoded text: `+` is a space, `%XY` a byte; `None` for a bad
/// escape or bytes that are not UTF-8.
pub fn form_decode(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = raw.get(i + 1..i + 3)?;
                if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The decoded `(name, value)` pairs of a raw query, in the order received.
pub fn parse(query: &str) -> Result<Vec<(String, String)>, &'static str> {
    let mut pairs = Vec::new();
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        let name = form_decode(name).ok_or("MalformedQuery")?;
        let value = form_decode(value).ok_or("MalformedQuery")?;
        pairs.push((name, value));
    }
    if pairs.iter().any(|(n, _)| n.is_empty()) {
        return Err("EmptyParameterName");
    }
    let mut names: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err("DuplicateParameter");
    }
    Ok(pairs)
}

/// A request as received, with the verifier's clock and its one known key.
pub struct Received<'a> {
    /// HTTP method.
    pub method: &'a str,
    /// Scheme.
    pub scheme: &'a str,
    /// Host header.
    pub host: &'a str,
    /// Decoded path.
    pub path: &'a str,
    /// Raw query or form body.
    pub query: &'a str,
    /// Now, in nanoseconds since the epoch.
    pub now_nanos: i128,
    /// The allowed skew each way, in seconds.
    pub window_seconds: u32,
    /// The one Access Key ID the verifier knows, and its secret.
    pub key: (&'a str, &'a [u8]),
}

/// Verifies in the project's check order; `Ok` holds the Access Key ID.
pub fn verify(r: &Received<'_>) -> Result<String, &'static str> {
    let pairs = parse(r.query)?;
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let (Some(key_id), Some(signature), Some(method), Some(version)) = (
        get("AWSAccessKeyId"),
        get("Signature"),
        get("SignatureMethod"),
        get("SignatureVersion"),
    ) else {
        return Err("MissingParameter");
    };
    let (timestamp, expires) = (get("Timestamp"), get("Expires"));
    if timestamp.is_none() && expires.is_none() {
        return Err("MissingParameter");
    }
    if timestamp.is_some() && expires.is_some() {
        return Err("TimestampAndExpires");
    }
    if version != "2" {
        return Err("UnsupportedSignatureVersion");
    }
    if method != "HmacSHA256" && method != "HmacSHA1" {
        return Err("UnsupportedSignatureMethod");
    }

    let window = i128::from(r.window_seconds) * 1_000_000_000;
    if let Some(text) = timestamp {
        let at = reference_time::parse(text).ok_or("InvalidTimestamp")?;
        if at < r.now_nanos - window {
            return Err("RequestExpired");
        }
        if at > r.now_nanos + window {
            return Err("TimestampInFuture");
        }
    }
    if let Some(text) = expires {
        let at = reference_time::parse(text).ok_or("InvalidTimestamp")?;
        if at < r.now_nanos {
            return Err("RequestExpired");
        }
    }

    if key_id.len() > MAX_ACCESS_KEY_ID_LEN || key_id != r.key.0 {
        return Err("InvalidAccessKeyId");
    }
    let verb = reference::verb_line(r.method)?;
    let https = reference::scheme_is_https(r.scheme)?;
    let host = reference::host_line(r.host, https)?;
    let path = reference::path_line(r.path)?;
    if r.key.1.is_empty() {
        return Err("EmptySecret");
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let canonical = reference::canonical_query(&borrowed);
    let string_to_sign = format!("{verb}\n{host}\n{path}\n{canonical}");
    if reference::mac_base64(r.key.1, method, string_to_sign.as_bytes()) != signature {
        return Err("SignatureDoesNotMatch");
    }
    Ok(key_id.to_owned())
}
