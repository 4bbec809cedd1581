//! Encoding differences between two texts that decode to the same thing.

use crate::output::describe_char;
use mws_sign::{PercentEncoded, form_decode};

/// Decodes one form-encoded component (`%XY`, `+` = space) with the core;
/// `None` for a bad escape or bytes that are not UTF-8.
pub fn decode(raw: &str) -> Option<String> {
    // Decoding never lengthens a text.
    let mut buf = vec![0u8; raw.len()];
    form_decode(raw, &mut buf).ok().map(str::to_owned)
}

/// One decoded byte of a text and how the text wrote it: `%xy`, `+`, or
/// the raw character (on its first byte; continuation bytes write nothing).
fn written_bytes(text: &str) -> Vec<(u8, String)> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let escape = rest
            .get(..3)
            .filter(|e| e.starts_with('%') && e.bytes().skip(1).all(|b| b.is_ascii_hexdigit()))
            .and_then(|e| u8::from_str_radix(&e[1..], 16).ok().map(|b| (b, e)));
        if let Some((byte, written)) = escape {
            out.push((byte, written.to_owned()));
            rest = &rest[3..];
        } else if c == '+' {
            out.push((b' ', "+".to_owned()));
            rest = &rest[1..];
        } else {
            let mut utf8 = [0u8; 4];
            for (i, &b) in c.encode_utf8(&mut utf8).as_bytes().iter().enumerate() {
                out.push((b, if i == 0 { c.to_string() } else { String::new() }));
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// How `theirs` encodes `decoded` differently from `ours` (the core's
/// encoding), one message per distinct character. Both must decode to
/// `decoded`; otherwise a single message says so.
pub fn differences(decoded: &str, ours: &str, theirs: &str) -> Vec<String> {
    let (o, t) = (written_bytes(ours), written_bytes(theirs));
    let same_bytes = o.len() == t.len()
        && o.iter().zip(&t).all(|(a, b)| a.0 == b.0)
        && o.iter().map(|x| x.0).eq(decoded.bytes());
    if !same_bytes {
        return vec![format!("ours '{ours}', theirs '{theirs}'")];
    }
    let mut found: Vec<(char, String)> = Vec::new();
    for (at, ch) in decoded.char_indices() {
        let range = at..at + ch.len_utf8();
        let ours_form: String = o[range.clone()].iter().map(|x| x.1.as_str()).collect();
        let theirs_form: String = t[range].iter().map(|x| x.1.as_str()).collect();
        if ours_form != theirs_form && !found.iter().any(|f| f.0 == ch) {
            found.push((ch, explain(ch, &ours_form, &theirs_form)));
        }
    }
    found.into_iter().map(|f| f.1).collect()
}

/// One character's two spellings, explained.
fn explain(ch: char, ours: &str, theirs: &str) -> String {
    let who = describe_char(ch);
    let mut utf8 = [0u8; 4];
    let plain: &str = ch.encode_utf8(&mut utf8);
    let encoded = PercentEncoded(plain).to_string();
    let mut text = if theirs == plain {
        format!("{who} must be percent-encoded as {encoded}; theirs leaves it as is")
    } else if ours == plain {
        format!("{who} must stay as is; theirs encodes it as {theirs}")
    } else if theirs == "+" {
        format!("{who} must be {ours}; theirs writes '+' (HTML form encoding)")
    } else if ours.eq_ignore_ascii_case(theirs) {
        format!("{who}: hex digits must be uppercase, {ours}; theirs writes {theirs}")
    } else {
        format!("{who}: ours {ours}, theirs {theirs}")
    };
    if let Some(why) = crate::marks::pitfall(ch).filter(|_| theirs != "+") {
        text.push_str(&format!(" [{why}]"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_with_the_core() {
        assert_eq!(decode("a%2Ab+c").as_deref(), Some("a*b c"));
        assert_eq!(decode("a&b").as_deref(), Some("a&b"));
        assert_eq!(decode("%G1"), None);
    }

    #[test]
    fn names_each_kind_of_difference() {
        let d = differences("a b*~é", "a%20b%2A~%C3%A9", "a+b*%7e%c3%a9");
        assert_eq!(d.len(), 4, "{d:?}");
        assert!(d[0].starts_with("space must be %20; theirs writes '+'"));
        assert!(d[1].starts_with("'*' must be percent-encoded as %2A"));
        assert!(d[2].starts_with("'~' must stay as is; theirs encodes it as %7e"));
        assert!(d[3].contains("hex digits must be uppercase, %C3%A9"));
    }
}
