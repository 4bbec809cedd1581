//! The host grammar of S5 (see `docs/DECISIONS.md`): a DNS name, a dotted-quad
//! IPv4 address or a bracketed IPv6 literal, then an optional `:port`.
//!
//! The grammar is strict on purpose: a host that MWS would never have seen in
//! a `Host` header (a space, `/`, `@`, a bad port) is a caller bug that would
//! otherwise surface much later as `SignatureDoesNotMatch`.

use crate::Error;
use crate::swar::{all_bytes, host_lanes, ipv4_lanes};

/// A host split into the part that is signed and its port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HostParts<'a> {
    /// The host without the port, as written (lowercased only when signed).
    pub(crate) name: &'a str,
    /// The port digits as written, if any.
    pub(crate) port: Option<&'a str>,
    /// The port's numeric value (0 when absent).
    pub(crate) port_value: u16,
}

/// Validates `host` and splits off its port.
pub(crate) fn parse_host(host: &str) -> Result<HostParts<'_>, Error> {
    let (name, port) = if host.starts_with('[') {
        let close = host.find(']').ok_or(Error::InvalidHost)?;
        let (name, rest) = host.split_at(close + 1);
        let port = match rest.strip_prefix(':') {
            Some(p) => Some(p),
            None if rest.is_empty() => None,
            None => return Err(Error::InvalidHost),
        };
        if !is_ipv6(&name[1..name.len() - 1]) {
            return Err(Error::InvalidHost);
        }
        (name, port)
    } else {
        // A byte search: `rsplit_once(':')` goes through the generic char searcher.
        let (name, port) = match host.bytes().rposition(|b| b == b':') {
            Some(colon) => (&host[..colon], Some(&host[colon + 1..])),
            None => (host, None),
        };
        if !is_dns_name_or_ipv4(name) {
            return Err(Error::InvalidHost);
        }
        (name, port)
    };
    let port_value = match port {
        Some(p) => parse_port(p).ok_or(Error::InvalidHost)?,
        None => 0,
    };
    Ok(HostParts {
        name,
        port,
        port_value,
    })
}

/// 1–5 ASCII digits with a value 1–65535.
fn parse_port(digits: &str) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits
        .bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    match u16::try_from(value) {
        Ok(v) if v != 0 => Some(v),
        _ => None,
    }
}

/// Dot-separated labels of 1–63 letters, digits, `-` (not first or last)
/// and `_`, at most 253 bytes without an optional root dot; if every label
/// is numeric, a valid IPv4 address. The characters are checked a word at a
/// time, then only the label boundaries: a host is checked on every
/// one-call signature.
fn is_dns_name_or_ipv4(name: &str) -> bool {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.is_empty() || trimmed.len() > 253 || !all_bytes(trimmed.as_bytes(), host_lanes) {
        return false;
    }
    let labels_ok = trimmed.as_bytes().split(|&b| b == b'.').all(|label| {
        matches!(label.len(), 1..=63) && label.first() != Some(&b'-') && label.last() != Some(&b'-')
    });
    // All-numeric labels read as an IPv4 address, which must then be valid.
    labels_ok && (!all_bytes(trimmed.as_bytes(), ipv4_lanes) || is_ipv4(trimmed))
}

fn is_ipv4(text: &str) -> bool {
    let mut count = 0;
    for octet in text.split('.') {
        count += 1;
        let ok = !octet.is_empty()
            && octet.len() <= 3
            && octet.bytes().all(|b| b.is_ascii_digit())
            && (octet == "0" || !octet.starts_with('0'))
            && octet.parse::<u16>().is_ok_and(|v| v <= 255);
        if !ok || count > 4 {
            return false;
        }
    }
    count == 4
}

/// RFC 4291 text form without a zone id: eight 1–4 digit hex groups, one `::`
/// standing for one or more zero groups, a trailing IPv4 counting as two.
fn is_ipv6(text: &str) -> bool {
    let (head, tail, compressed) = match text.find("::") {
        Some(i) => (&text[..i], &text[i + 2..], true),
        None => (text, "", false),
    };
    if compressed && tail.contains("::") {
        return false;
    }
    let Some(head_groups) = count_groups(head, !compressed) else {
        return false;
    };
    let Some(tail_groups) = count_groups(tail, true) else {
        return false;
    };
    let total = head_groups + tail_groups;
    if compressed { total <= 7 } else { total == 8 }
}

/// Counts the groups of a `:`-separated run (an empty run has none); the last
/// group may be an IPv4 address (two groups) when `ipv4_last` allows it.
fn count_groups(run: &str, ipv4_last: bool) -> Option<usize> {
    if run.is_empty() {
        return Some(0);
    }
    let mut groups = 0;
    let mut parts = run.split(':').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        if last && ipv4_last && part.contains('.') {
            if !is_ipv4(part) {
                return None;
            }
            groups += 2;
        } else if !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_hexdigit())
        {
            groups += 1;
        } else {
            return None;
        }
    }
    Some(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;

    #[test]
    fn accepts() {
        for h in [
            "mws.amazonservices.com",
            "MWS.AmazonServices.com:8443",
            "example.com.",
            "localhost",
            "127.0.0.1",
            "127.0.0.1:80",
            "[::1]",
            "[::1]:8443",
            "[2001:DB8::1]",
            "[::ffff:192.0.2.1]",
            "[1:2:3:4:5:6:7:8]",
            "[1:2:3:4:5:6:7::]",
            "[::]",
            "a_b.example",
            "a-b.c--d.example",
            "host:65535",
        ] {
            assert!(parse_host(h).is_ok(), "{h}");
        }
    }

    #[test]
    fn rejects() {
        for h in [
            "",
            " ",
            "a b",
            "a/b",
            "a?b",
            "user@host",
            "host:",
            "host:0",
            "host:65536",
            "host:abc",
            "host:123456",
            "-bad.example.com",
            "bad-.example",
            "a.-b",
            "a.b-",
            "a.b-:80",
            "a..b",
            "a.b..",
            ".",
            "bücher.de",
            "[::1",
            "[2001:db8::1::2]",
            "[fe80::1%25eth0]",
            "2001:db8::1",
            "999.1.1.1",
            "1.2.3",
            "01.2.3.4",
            "[1:2:3:4:5:6:7:8:9]",
            "[1:2:3:4:5:6:7]",
            "[::1]x",
            "[12345::]",
            "[]",
        ] {
            assert_eq!(parse_host(h), Err(Error::InvalidHost), "{h:?}");
        }
        let long_label = [b'a'; 64];
        let long_label = core::str::from_utf8(&long_label).unwrap_or("");
        assert_eq!(parse_host(long_label), Err(Error::InvalidHost));
    }

    #[test]
    fn the_length_limit_excludes_the_root_dot() {
        let label = "a".repeat(61);
        let name = [label.as_str(); 4].join(".") + ".ab"; // 4*61 + 3 + 3 = 250
        let name = name + "c"; // 251
        let at_limit = name.clone() + "dd"; // 253
        assert!(parse_host(&at_limit).is_ok());
        assert!(parse_host(&(at_limit.clone() + ".")).is_ok());
        assert_eq!(parse_host(&(at_limit + "e")), Err(Error::InvalidHost));
    }

    #[test]
    fn splits_port() {
        let p = parse_host("Host.Example:0443").unwrap_or_else(|_| unreachable!());
        assert_eq!(
            (p.name, p.port, p.port_value),
            ("Host.Example", Some("0443"), 443)
        );
    }
}
