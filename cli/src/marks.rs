//! Marking what percent-encoding changed: a caret line under each `%XY`
//! of an encoded text, and the list of characters that were escaped.
//!
//! Everything here reads the core's output ([`PercentEncoded`] and the
//! encoded stages); it never decides itself what must be encoded.

use crate::output::describe_char;
use mws_sign::PercentEncoded;

/// A character that percent-encoding replaced, and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Escaped {
    /// The character as given.
    pub ch: char,
    /// Its encoded form, e.g. `%2A` or `%C3%A9`.
    pub encoded: String,
    /// How many times it occurs.
    pub count: usize,
}

/// `^^^` under every `%XY` of an encoded text, spaces elsewhere (trailing
/// spaces trimmed); `None` when nothing was escaped. Encoded text is ASCII,
/// so columns are bytes.
pub fn carets(encoded: &str) -> Option<String> {
    if !encoded.contains('%') {
        return None;
    }
    let mut line = String::with_capacity(encoded.len());
    let mut bytes = encoded.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            line.push_str("^^^");
            bytes.nth(1);
        } else {
            line.push(' ');
        }
    }
    Some(line.trim_end().to_owned())
}

/// The distinct characters of `raw` that the core's encoding changes, in
/// order of first appearance.
pub fn escaped_chars(raw: &str) -> Vec<Escaped> {
    let mut found: Vec<Escaped> = Vec::new();
    let mut utf8 = [0u8; 4];
    for ch in raw.chars() {
        if let Some(e) = found.iter_mut().find(|e| e.ch == ch) {
            e.count += 1;
            continue;
        }
        let text = ch.encode_utf8(&mut utf8);
        let encoded = PercentEncoded(text).to_string();
        if encoded != *text {
            found.push(Escaped {
                ch,
                encoded,
                count: 1,
            });
        }
    }
    found
}

/// Why a character trips up other encoders, if it is a known troublemaker.
pub fn pitfall(ch: char) -> Option<&'static str> {
    match ch {
        ' ' => Some("never '+'"),
        '*' => Some("many URL encoders leave '*' as is"),
        '!' | '\'' | '(' | ')' => Some("JavaScript's encodeURIComponent leaves it as is"),
        '~' => Some("stays as is; some encoders wrongly write %7E"),
        '/' => Some("encoded inside values, unlike in paths"),
        '+' => Some("a literal plus; '+' is not a space here"),
        _ => None,
    }
}

/// One line summing up the escapes, e.g. `space -> %20 (never '+'); '*' -> %2A (x2)`.
pub fn summary(escaped: &[Escaped]) -> String {
    let parts: Vec<String> = escaped
        .iter()
        .map(|e| {
            let mut part = format!("{} -> {}", describe_char(e.ch), e.encoded);
            if e.count > 1 {
                part.push_str(&format!(" (x{})", e.count));
            }
            if let Some(why) = pitfall(e.ch) {
                part.push_str(&format!(" [{why}]"));
            }
            part
        })
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_sit_under_escapes() {
        assert_eq!(carets("a%20b%2A").as_deref(), Some(" ^^^ ^^^"));
        assert_eq!(carets("plain"), None);
    }

    #[test]
    fn escaped_chars_are_distinct_and_counted() {
        let found = escaped_chars("a b c*~é");
        let shown: Vec<(char, &str, usize)> = found
            .iter()
            .map(|e| (e.ch, e.encoded.as_str(), e.count))
            .collect();
        assert_eq!(
            shown,
            [(' ', "%20", 2), ('*', "%2A", 1), ('é', "%C3%A9", 1)]
        );
    }
}
