//! The `User-Agent` MWS required (not signed):
//! `AppName/AppVersion (Language=Name/Version; Key=Value)`.
//!
//! MWS answered a malformed one with `UserAgentHeaderMalformed`; the rules
//! below (backslash escapes, collapsed whitespace) come from its client
//! libraries.

use crate::Error;
use crate::sink::{FmtSink, Sink, measure, write_into};
use core::fmt;

/// A `User-Agent` value, written with MWS's escaping rules.
///
/// ```
/// let ua = mws_sign::UserAgent {
///     app_name: "My/Tool",
///     app_version: "1.0 (beta)",
///     attributes: &[("Language", "Rust/1.95"), ("Platform", "Linux;  x86_64")],
/// };
/// assert_eq!(ua.to_string(), r"My\/Tool/1.0 \(beta) (Language=Rust/1.95; Platform=Linux\; x86_64)");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct UserAgent<'a> {
    /// The application name; `\` and `/` are escaped.
    pub app_name: &'a str,
    /// The application version; `\` and `(` are escaped.
    pub app_version: &'a str,
    /// `Key=Value` attributes, `Language` first by convention; `\` and `=`
    /// are escaped in keys, `\`, `;` and `)` in values.
    pub attributes: &'a [(&'a str, &'a str)],
}

impl UserAgent<'_> {
    fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_escaped(self.app_name, b"\\/", sink);
        sink.put_byte(b'/');
        write_escaped(self.app_version, b"\\(", sink);
        if !self.attributes.is_empty() {
            sink.put(b" (");
            for (i, (key, value)) in self.attributes.iter().enumerate() {
                if i > 0 {
                    sink.put(b"; ");
                }
                write_escaped(key, b"\\=", sink);
                sink.put_byte(b'=');
                write_escaped(value, b"\\;)", sink);
            }
            sink.put_byte(b')');
        }
    }

    /// The length of the value in bytes.
    pub fn len(&self) -> usize {
        measure(|c| self.write_to(c))
    }

    /// Whether the value is empty (never: it holds at least the `/`).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Writes the value into `buf`.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] with the needed length.
    pub fn write<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        write_into(buf, |w| self.write_to(w))
    }
}

impl fmt::Display for UserAgent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink::new(f);
        self.write_to(&mut sink);
        sink.finish()
    }
}

/// Writes `text` trimmed, each run of whitespace as one space, and a
/// backslash before every byte of `special`.
fn write_escaped<S: Sink + ?Sized>(text: &str, special: &[u8], sink: &mut S) {
    let mut pending_space = false;
    let mut started = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = started;
            continue;
        }
        if pending_space {
            sink.put_byte(b' ');
            pending_space = false;
        }
        started = true;
        let mut utf8 = [0u8; 4];
        let encoded = c.encode_utf8(&mut utf8).as_bytes();
        if let [b] = encoded
            && special.contains(b)
        {
            sink.put_byte(b'\\');
        }
        sink.put(encoded);
    }
}
