//! A second, deliberately simple signer written from the rules alone
//! (`SIGNING.md` S1–S10 and `docs/DECISIONS.md`), never from the core's code:
//! the oracle of the `sign_differential` target. It allocates freely, works
//! on `String`s and favours obviousness over speed; errors are the kind names
//! of the shared vector format.

use hmac::{KeyInit, Mac};

/// Every stage of a signed request, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stages {
    /// S4.
    pub canonical_query: String,
    /// S8.
    pub string_to_sign: String,
    /// S9, Base64.
    pub signature: String,
    /// S10.
    pub signed_query: String,
}

/// Signs with the project's check order; `Err` holds the error kind's name.
pub fn sign(
    secret: &[u8],
    signature_method: &str,
    method: &str,
    scheme: &str,
    host: &str,
    path: &str,
    params: &[(&str, &str)],
) -> Result<Stages, &'static str> {
    let verb = verb_line(method)?;
    let https = scheme_is_https(scheme)?;
    let host_line = host_line(host, https)?;
    let path_line = path_line(path)?;
    if secret.is_empty() {
        return Err("EmptySecret");
    }
    let algorithm = match signature_method {
        "HmacSHA256" | "HmacSHA1" => signature_method,
        _ => return Err("UnsupportedSignatureMethod"),
    };
    check_names(params)?;
    check_auth_params(params, algorithm)?;

    let canonical_query = canonical_query(params);
    let string_to_sign = format!("{verb}\n{host_line}\n{path_line}\n{canonical_query}");
    let signature = mac_base64(secret, algorithm, string_to_sign.as_bytes());
    let signed_query = if canonical_query.is_empty() {
        format!("Signature={}", encode(&signature))
    } else {
        format!("{canonical_query}&Signature={}", encode(&signature))
    };
    Ok(Stages {
        canonical_query,
        string_to_sign,
        signature,
        signed_query,
    })
}

/// S7: 1–16 ASCII letters, uppercased.
pub fn verb_line(method: &str) -> Result<String, &'static str> {
    let ok = (1..=16).contains(&method.len()) && method.chars().all(|c| c.is_ascii_alphabetic());
    if ok {
        Ok(method.to_ascii_uppercase())
    } else {
        Err("InvalidMethod")
    }
}

/// `https` or `http` in any ASCII case; `true` for https.
pub fn scheme_is_https(scheme: &str) -> Result<bool, &'static str> {
    if scheme.eq_ignore_ascii_case("https") {
        Ok(true)
    } else if scheme.eq_ignore_ascii_case("http") {
        Ok(false)
    } else {
        Err("InvalidScheme")
    }
}

/// S5 with the project's host grammar.
pub fn host_line(host: &str, https: bool) -> Result<String, &'static str> {
    const BAD: &str = "InvalidHost";
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let (inside, after) = rest.split_once(']').ok_or(BAD)?;
        if !is_ipv6(inside) {
            return Err(BAD);
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or(BAD)?),
        };
        (&host[..inside.len() + 2], port)
    } else {
        let (name, port) = match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        };
        if !is_dns_name_or_ipv4(name) {
            return Err(BAD);
        }
        (name, port)
    };
    let mut line = name.to_ascii_lowercase();
    if let Some(port) = port {
        let ok = (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit());
        let value: u32 = if ok {
            port.parse().map_err(|_| BAD)?
        } else {
            0
        };
        if !(1..=65535).contains(&value) {
            return Err(BAD);
        }
        let default = if https { 443 } else { 80 };
        if value != default {
            line.push(':');
            line.push_str(port);
        }
    }
    Ok(line)
}

fn is_dns_name_or_ipv4(name: &str) -> bool {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.is_empty() || trimmed.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = trimmed.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if !labels.iter().all(label_ok) {
        return false;
    }
    let all_digits = labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit()));
    !all_digits || is_ipv4(trimmed)
}

/// A dotted quad: four decimal octets 0–255 without leading zeros.
fn is_ipv4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u32>().is_ok_and(|v| v <= 255)
        })
}

/// The inside of a bracketed IPv6 literal.
fn is_ipv6(text: &str) -> bool {
    let group_ok = |g: &str| (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_hexdigit());
    // Counts the groups of a `:`-separated run; the last may be a dotted quad (two groups).
    let count = |run: &str, may_end_in_ipv4: bool| -> Option<usize> {
        if run.is_empty() {
            return Some(0);
        }
        let groups: Vec<&str> = run.split(':').collect();
        let mut n = 0;
        for (i, g) in groups.iter().enumerate() {
            if i + 1 == groups.len() && may_end_in_ipv4 && g.contains('.') {
                if !is_ipv4(g) {
                    return None;
                }
                n += 2;
            } else if group_ok(g) {
                n += 1;
            } else {
                return None;
            }
        }
        Some(n)
    };
    match text.split_once("::") {
        Some((left, right)) => {
            if right.contains("::") {
                return false;
            }
            match (count(left, false), count(right, true)) {
                (Some(l), Some(r)) => l + r <= 7,
                _ => false,
            }
        }
        None => count(text, true) == Some(8),
    }
}

/// S6: empty is `/`; otherwise starts with `/`, each segment S2-encoded.
pub fn path_line(path: &str) -> Result<String, &'static str> {
    if path.is_empty() {
        return Ok("/".to_owned());
    }
    if !path.starts_with('/') {
        return Err("InvalidPath");
    }
    Ok(path.split('/').map(encode).collect::<Vec<_>>().join("/"))
}

fn check_names(params: &[(&str, &str)]) -> Result<(), &'static str> {
    if params.iter().any(|(name, _)| name.is_empty()) {
        return Err("EmptyParameterName");
    }
    let mut names: Vec<&str> = params.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err("DuplicateParameter");
    }
    Ok(())
}

fn check_auth_params(params: &[(&str, &str)], algorithm: &str) -> Result<(), &'static str> {
    let value = |wanted: &str| params.iter().find(|(n, _)| *n == wanted).map(|(_, v)| *v);
    if value("SignatureVersion").is_some_and(|v| v != "2") {
        return Err("UnsupportedSignatureVersion");
    }
    match value("SignatureMethod") {
        None => Ok(()),
        Some(v) if v == algorithm => Ok(()),
        Some("HmacSHA256" | "HmacSHA1") => Err("SignatureMethodMismatch"),
        Some(_) => Err("UnsupportedSignatureMethod"),
    }
}

/// S1, S3, S4: every parameter but `Signature`, sorted by raw name bytes.
pub fn canonical_query(params: &[(&str, &str)]) -> String {
    let mut kept: Vec<(&str, &str)> = params
        .iter()
        .copied()
        .filter(|(name, _)| *name != "Signature")
        .collect();
    kept.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    kept.iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// S2: unreserved bytes as they are, every other byte `%XY` (uppercase hex).
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// S9: Base64 of the HMAC named by `algorithm` (`HmacSHA256` or `HmacSHA1`).
pub fn mac_base64(secret: &[u8], algorithm: &str, message: &[u8]) -> String {
    let tag = if algorithm == "HmacSHA1" {
        let mut mac = hmac::Hmac::<sha1::Sha1>::new_from_slice(secret)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    } else {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    };
    base64(&tag)
}

/// Standard Base64 with `=` padding (RFC 4648 §4), written out longhand.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
