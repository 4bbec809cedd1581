//! How a fuzz input's bytes become arguments: fields separated by the byte
//! `0xFF`, which never occurs in UTF-8, so a seed written from a vector file
//! is just its strings joined by `0xFF`, and libFuzzer's byte-level mutations
//! (insert, erase, copy a run) keep most of the structure. Text fields are
//! read lossily, so every input decodes to some set of arguments.
//!
//! `fuzz/seed.py` writes inputs in this format; keep the two in step.

/// The field separator.
pub const SEPARATOR: u8 = 0xFF;

/// The fields of one input, read front to back; an exhausted input yields
/// empty fields.
pub struct Fields<'a> {
    rest: Option<&'a [u8]>,
}

impl<'a> Fields<'a> {
    /// Starts reading `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Fields { rest: Some(data) }
    }

    /// Whether every field has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_none()
    }

    /// The next field's raw bytes.
    pub fn bytes(&mut self) -> &'a [u8] {
        let Some(rest) = self.rest else {
            return &[];
        };
        match rest.iter().position(|&b| b == SEPARATOR) {
            Some(at) => {
                self.rest = Some(&rest[at + 1..]);
                &rest[..at]
            }
            None => {
                self.rest = None;
                rest
            }
        }
    }

    /// The next field as text (invalid UTF-8 replaced by U+FFFD).
    pub fn text(&mut self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }

    /// The next field as a little-endian number of up to 8 bytes (more are ignored).
    pub fn number(&mut self) -> u64 {
        number(self.bytes())
    }

    /// The remaining fields as `(name, value)` pairs; a lone last name gets an empty value.
    pub fn pairs(mut self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        while !self.is_empty() {
            let name = self.text();
            let value = self.text();
            pairs.push((name, value));
        }
        pairs
    }
}

/// Up to 8 bytes as a little-endian number.
pub fn number(bytes: &[u8]) -> u64 {
    let mut le = [0u8; 8];
    for (slot, b) in le.iter_mut().zip(bytes) {
        *slot = *b;
    }
    u64::from_le_bytes(le)
}

/// Borrows owned pairs as the core takes them.
pub fn borrow(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}
