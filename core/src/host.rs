//! The host grammar of S5 (see `docs/DECISIONS.md`): a DNS name, a dotted-quad
//! IPv4 address or a bracketed IPv6 literal, then an optional `:port`.
//!
//! The grammar is strict on purpose: a host that MWS would never have seen in
//! a `Host` header (a space, `/`, `@`, a bad port) is a caller bug that would
//! otherwise surface much later as `SignatureDoesNotMatch`.

use crate::Error;
use crate::swar::{
    all_bytes, byte_lanes, find_byte, first_lanes, host_lanes, ipv4_lanes, upper_lanes, word,
};

/// A host split into the part that is signed and its port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HostParts<'a> {
    /// The host without the port, as written (lowercased only when signed).
    pub(crate) name: &'a str,
    /// The port digits as written, if any.
    pub(crate) port: Option<&'a str>,
    /// The port's numeric value (0 when absent).
    pub(crate) port_value: u16,
    /// Whether `name` has no uppercase letter, so it is signed as written
    /// (learnt in the same pass that checks it).
    pub(crate) lowercase: bool,
}

/// Validates `host` and splits off its port.
///
/// Inlined into its one caller so the parts stay in registers: returned
/// through memory, they were stored a field at a time and read back as
/// wider loads, which the CPU cannot forward (a stall on every signature).
#[inline(always)]
pub(crate) fn parse_host(host: &str) -> Result<HostParts<'_>, Error> {
    let (name, port, lowercase) = if host.starts_with('[') {
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
        let lowercase = all_bytes(name.as_bytes(), |w| !upper_lanes(w));
        (name, port, lowercase)
    } else {
        // A name holds no `:`, so the first one starts the port (a second
        // one then fails as a port digit).
        let (name, port) = match find_byte(host.as_bytes(), b':') {
            Some(colon) => (&host[..colon], Some(&host[colon + 1..])),
            None => (host, None),
        };
        let lowercase = scan_dns_name_or_ipv4(name).ok_or(Error::InvalidHost)?;
        (name, port, lowercase)
    };
    let port_value = match port {
        Some(p) => parse_port(p).ok_or(Error::InvalidHost)?,
        None => 0,
    };
    Ok(HostParts {
        name,
        port,
        port_value,
        lowercase,
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

/// Checks a DNS name or IPv4 address and tells whether it is already
/// lowercase (`None`: invalid).
///
/// A DNS name is dot-separated labels of 1–63 letters, digits, `-` (not
/// first or last) and `_`, at most 253 bytes without an optional root dot;
/// if every label is numeric it must be a valid IPv4 address. One pass a
/// word at a time checks the characters and finds the dots; only the label
/// boundaries are then looked at byte by byte (a host is checked on every
/// one-call signature).
#[inline(always)]
fn scan_dns_name_or_ipv4(name: &str) -> Option<bool> {
    let text = name.strip_suffix('.').unwrap_or(name);
    let trimmed = text.as_bytes();
    if trimmed.is_empty() || trimmed.len() > 253 {
        return None;
    }
    let (mut rejected, mut upper, mut not_ipv4) = (0u64, 0u64, 0u64);
    let mut label_start = 0;
    let mut at = 0;
    while at < trimmed.len() {
        let rest = &trimmed[at..];
        let lanes = first_lanes(rest.len());
        let w = u64::from_le_bytes(word(rest));
        rejected |= !host_lanes(w) & lanes;
        upper |= upper_lanes(w);
        not_ipv4 |= !ipv4_lanes(w) & lanes;
        let mut dots = byte_lanes(w, b'.') & lanes;
        while dots != 0 {
            let dot = at + (dots.trailing_zeros() / 8) as usize;
            if !is_label(&trimmed[label_start..dot]) {
                return None;
            }
            label_start = dot + 1;
            dots &= dots - 1;
        }
        at += 8;
    }
    let valid = rejected == 0
        && is_label(&trimmed[label_start..])
        // All-numeric labels read as an IPv4 address, which must then be valid.
        && (not_ipv4 != 0 || is_ipv4(text));
    valid.then_some(upper == 0)
}

/// 1–63 bytes, not starting or ending with `-` (the characters are checked
/// by the caller).
#[inline(always)]
fn is_label(label: &[u8]) -> bool {
    matches!(label.len(), 1..=63) && label.first() != Some(&b'-') && label.last() != Some(&b'-')
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

    /// The grammar written the plain way, byte by byte: the oracle for the
    /// word-at-a-time checks above (bracketed IPv6 aside).
    fn reference_accepts(host: &str) -> bool {
        let (name, port) = match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        };
        if let Some(port) = port {
            let digits = matches!(port.len(), 1..=5) && port.bytes().all(|b| b.is_ascii_digit());
            if !digits || !port.parse::<u32>().is_ok_and(|v| (1..=65535).contains(&v)) {
                return false;
            }
        }
        let name = name.strip_suffix('.').unwrap_or(name);
        if name.is_empty() || name.len() > 253 {
            return false;
        }
        let label_ok = |l: &str| {
            (1..=63).contains(&l.len())
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if !name.split('.').all(label_ok) {
            return false;
        }
        if !name.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return true;
        }
        let octets: std::vec::Vec<&str> = name.split('.').collect();
        octets.len() == 4
            && octets.iter().all(|o| {
                o.len() <= 3
                    && (*o == "0" || !o.starts_with('0'))
                    && o.parse::<u32>().is_ok_and(|v| v <= 255)
            })
    }

    fn agrees_with_reference(host: &str) {
        let parsed = parse_host(host);
        assert_eq!(parsed.is_ok(), reference_accepts(host), "{host:?}");
        if let Ok(parts) = parsed {
            let lower = !parts.name.bytes().any(|b| b.is_ascii_uppercase());
            assert_eq!(parts.lowercase, lower, "{host:?}");
        }
    }

    #[test]
    fn agrees_with_the_plain_grammar_on_every_short_host() {
        // Every text of up to 5 (Miri: 3) bytes over the bytes that matter.
        let alphabet = b"aZ019-.:_ ";
        let max_len = if cfg!(miri) { 3 } else { 5 };
        let mut text = std::vec::Vec::new();
        for len in 0..=max_len {
            let total = alphabet.len().pow(len);
            for mut n in 0..total {
                text.clear();
                for _ in 0..len {
                    text.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                agrees_with_reference(core::str::from_utf8(&text).unwrap_or(""));
            }
        }
    }

    #[test]
    fn agrees_with_the_plain_grammar_on_long_hosts() {
        // Pseudo-random hosts of up to 80 bytes, crossing every word edge:
        // mostly label characters, with dots, dashes, colons and digits
        // often enough to reach every rule (xorshift, fixed seed).
        let pieces: [&[u8]; 12] = [
            b"a", b"B", b"0", b"7", b"25", b"255", b"-", b".", b".", b":", b"_", b"xn--",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let rounds = if cfg!(miri) { 300 } else { 300_000 };
        let mut text = std::vec::Vec::new();
        for _ in 0..rounds {
            text.clear();
            let target = (next() % 81) as usize;
            while text.len() < target {
                text.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
            }
            agrees_with_reference(core::str::from_utf8(&text).unwrap_or(""));
        }
        for len in [62, 63, 64, 65] {
            let label = "a".repeat(len);
            for host in [
                label.clone(),
                std::format!("x.{label}"),
                std::format!("{label}.x:80"),
            ] {
                agrees_with_reference(&host);
            }
        }
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
