//! The request head: the three lines of the string to sign that are not
//! parameters (S5 host, S6 path, S7 verb), validated once and then written
//! straight into any sink.

use crate::Error;
use crate::encode::encode_to;
use crate::host::{HostParts, parse_host};
use crate::sink::{FmtSink, Sink};
use crate::swar::{all_bytes, letter_lanes, plain_path_lanes};
use core::fmt;

/// The URL scheme; it decides which port is the default (S5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `https` (default port 443); what MWS always used.
    Https,
    /// `http` (default port 80); for local mock servers and proxies.
    Http,
}

impl Scheme {
    /// Parses `https` or `http`, ignoring ASCII case.
    ///
    /// # Errors
    /// [`Error::InvalidScheme`] for anything else.
    pub fn parse(text: &str) -> Result<Scheme, Error> {
        if text.eq_ignore_ascii_case("https") {
            Ok(Scheme::Https)
        } else if text.eq_ignore_ascii_case("http") {
            Ok(Scheme::Http)
        } else {
            Err(Error::InvalidScheme)
        }
    }

    /// `"https"` or `"http"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }

    /// The port a `Host` header leaves out for this scheme.
    pub const fn default_port(self) -> u16 {
        match self {
            Scheme::Https => 443,
            Scheme::Http => 80,
        }
    }
}

/// The longest method accepted (S7 decision).
const MAX_METHOD_LEN: usize = 16;

/// A validated method, scheme, host and path: everything of the string to
/// sign but the parameters.
///
/// Construct it once per request; writing it never fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestHead<'a> {
    method: &'a str,
    scheme: Scheme,
    host: HostParts<'a>,
    path: &'a str,
    /// Whether the path needs no encoding, so it is written as it is
    /// (decided once, here; the host knows whether it is lowercase).
    path_plain: bool,
    /// Whether the three lines are the method, host and path exactly as
    /// given (uppercase, lowercase without a port to write, plain): the
    /// common case, written as three pieces in one go.
    verbatim: bool,
}

impl<'a> RequestHead<'a> {
    /// Validates the four parts in the documented order (method, scheme, host, path).
    ///
    /// ```
    /// use mws_sign::RequestHead;
    /// let head = RequestHead::new("post", "https", "MWS.amazonservices.com:443", "/Orders/2013-09-01")?;
    /// assert_eq!(head.to_string(), "POST\nmws.amazonservices.com\n/Orders/2013-09-01");
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidMethod`], [`Error::InvalidScheme`], [`Error::InvalidHost`]
    /// or [`Error::InvalidPath`], for the first part that is bad.
    pub fn new(method: &'a str, scheme: &str, host: &'a str, path: &'a str) -> Result<Self, Error> {
        validate_method(method)?;
        let scheme = Scheme::parse(scheme)?;
        Self::with_checked_method(method, scheme, host, path)
    }

    /// As [`RequestHead::new`] with an already typed scheme.
    ///
    /// # Errors
    /// [`Error::InvalidMethod`], [`Error::InvalidHost`] or [`Error::InvalidPath`].
    pub fn with_scheme(
        method: &'a str,
        scheme: Scheme,
        host: &'a str,
        path: &'a str,
    ) -> Result<Self, Error> {
        validate_method(method)?;
        Self::with_checked_method(method, scheme, host, path)
    }

    /// The checks after the method's (the one-call paths check it first).
    /// Inlined into both constructors natively; one shared copy in wasm
    /// builds, where the host scan it holds would otherwise be there twice.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn with_checked_method(
        method: &'a str,
        scheme: Scheme,
        host: &'a str,
        path: &'a str,
    ) -> Result<Self, Error> {
        let host = parse_host(host)?;
        if !path.is_empty() && !path.starts_with('/') {
            return Err(Error::InvalidPath);
        }
        let path_plain = all_bytes(path.as_bytes(), plain_path_lanes);
        let verbatim = !method.bytes().any(|b| b.is_ascii_lowercase())
            && host.lowercase
            && host_port(&host, scheme).is_none()
            && !path.is_empty()
            && path_plain;
        Ok(RequestHead {
            method,
            scheme,
            host,
            path,
            path_plain,
            verbatim,
        })
    }

    /// The scheme.
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The verb line (S7) as signed: the method uppercased.
    pub fn method_line(&self) -> HeadLine<'_, 'a> {
        HeadLine {
            head: self,
            line: Line::Method,
        }
    }

    /// The host line (S5) as signed: lowercased, a default port dropped.
    pub fn host_line(&self) -> HeadLine<'_, 'a> {
        HeadLine {
            head: self,
            line: Line::Host,
        }
    }

    /// The path line (S6) as signed: `/` for an empty path, segments encoded.
    pub fn path_line(&self) -> HeadLine<'_, 'a> {
        HeadLine {
            head: self,
            line: Line::Path,
        }
    }

    /// Writes `VERB \n host \n path \n` — the string to sign up to the query.
    pub(crate) fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        if self.verbatim {
            let lines = [self.method, self.host.name, self.path].map(str::as_bytes);
            sink.put_lines(&lines);
            return;
        }
        self.write_method(sink);
        sink.put_byte(b'\n');
        self.write_host(sink);
        sink.put_byte(b'\n');
        self.write_path(sink);
        sink.put_byte(b'\n');
    }

    /// S7: the method uppercased.
    pub(crate) fn write_method<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut upper = [0u8; MAX_METHOD_LEN];
        let bytes = self.method.as_bytes();
        for (dst, &b) in upper.iter_mut().zip(bytes) {
            *dst = b.to_ascii_uppercase();
        }
        sink.put(&upper[..bytes.len()]);
    }

    /// S5: the host lowercased, the port only when it is not the default.
    pub(crate) fn write_host<S: Sink + ?Sized>(&self, sink: &mut S) {
        let name = self.host.name.as_bytes();
        if self.host.lowercase {
            sink.put(name);
        } else {
            // Lowercase through a small stack buffer: hosts are at most 253 bytes.
            for chunk in name.chunks(64) {
                let mut lower = [0u8; 64];
                for (dst, &b) in lower.iter_mut().zip(chunk) {
                    *dst = b.to_ascii_lowercase();
                }
                sink.put(&lower[..chunk.len()]);
            }
        }
        if let Some(port) = host_port(&self.host, self.scheme) {
            sink.put_byte(b':');
            sink.put(port.as_bytes());
        }
    }

    /// S6: empty → `/`; each segment S2-encoded, the `/` separators kept.
    pub(crate) fn write_path<S: Sink + ?Sized>(&self, sink: &mut S) {
        if self.path.is_empty() {
            sink.put_byte(b'/');
            return;
        }
        if self.path_plain {
            sink.put(self.path.as_bytes());
            return;
        }
        let mut first = true;
        for segment in self.path.split('/') {
            if !first {
                sink.put_byte(b'/');
            }
            first = false;
            encode_to(segment.as_bytes(), sink);
        }
    }
}

/// The port the host line carries: one that is not the scheme's default.
fn host_port<'a>(host: &HostParts<'a>, scheme: Scheme) -> Option<&'a str> {
    host.port
        .filter(|_| host.port_value != scheme.default_port())
}

/// Shows the three head lines of the string to sign, `\n`-separated (no trailing newline).
impl fmt::Display for RequestHead<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink::new(f);
        self.write_method(&mut sink);
        sink.put_byte(b'\n');
        self.write_host(&mut sink);
        sink.put_byte(b'\n');
        self.write_path(&mut sink);
        sink.finish()
    }
}

#[derive(Clone, Copy, Debug)]
enum Line {
    Method,
    Host,
    Path,
}

/// One line of a [`RequestHead`] as it is signed; implements `Display`.
#[derive(Clone, Copy, Debug)]
pub struct HeadLine<'h, 'a> {
    head: &'h RequestHead<'a>,
    line: Line,
}

impl fmt::Display for HeadLine<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink::new(f);
        match self.line {
            Line::Method => self.head.write_method(&mut sink),
            Line::Host => self.head.write_host(&mut sink),
            Line::Path => self.head.write_path(&mut sink),
        }
        sink.finish()
    }
}

fn validate_method(method: &str) -> Result<(), Error> {
    let ok = !method.is_empty()
        && method.len() <= MAX_METHOD_LEN
        && all_bytes(method.as_bytes(), letter_lanes);
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidMethod)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern crate std;
    use std::string::ToString;

    fn head<'a>(
        method: &'a str,
        scheme: &str,
        host: &'a str,
        path: &'a str,
    ) -> Result<RequestHead<'a>, Error> {
        RequestHead::new(method, scheme, host, path)
    }

    #[test]
    fn default_ports_are_dropped_per_scheme() {
        let cases = [
            ("https", "Example.COM:443", "example.com"),
            ("http", "example.com:80", "example.com"),
            ("http", "example.com:443", "example.com:443"),
            ("https", "example.com:80", "example.com:80"),
            ("https", "[2001:DB8::1]:8443", "[2001:db8::1]:8443"),
        ];
        for (scheme, host, line) in cases {
            let h = head("GET", scheme, host, "/").map(|h| h.to_string());
            assert_eq!(h, Ok(["GET\n", line, "\n/"].concat()));
        }
    }

    #[test]
    fn lines_are_shown_as_signed() {
        let h = head("post", "https", "API.Example.com:443", "/a b");
        let lines = h.map(|h| {
            [
                h.method_line().to_string(),
                h.host_line().to_string(),
                h.path_line().to_string(),
            ]
        });
        assert_eq!(
            lines,
            Ok(["POST".into(), "api.example.com".into(), "/a%20b".into()])
        );
    }

    #[test]
    fn heads_as_given_are_written_in_one_go_and_the_rest_line_by_line() {
        use crate::sink::SliceWriter;
        let cases = [
            (
                "POST",
                "https",
                "mws.amazonservices.com",
                "/Orders/2013-09-01",
                true,
            ),
            ("GET", "http", "localhost:8080", "/", false),
            ("GET", "https", "h:443", "/", true),
            ("get", "https", "h", "/", false),
            ("GET", "https", "H", "/", false),
            ("GET", "https", "h", "", false),
            ("GET", "https", "h", "/a b", false),
            ("GET", "https", "[::1]", "/x", true),
        ];
        for (method, scheme, host, path, verbatim) in cases {
            let Ok(h) = head(method, scheme, host, path) else {
                unreachable!("{host}")
            };
            assert_eq!(h.verbatim, verbatim, "{method} {host} {path}");
            let mut buf = [0u8; 128];
            let mut out = SliceWriter::new(&mut buf);
            h.write_to(&mut out);
            assert_eq!(
                out.finish(),
                Ok([h.to_string(), "\n".into()].concat().as_str())
            );
        }
    }

    #[test]
    fn path_segments_are_encoded() {
        let h = head("get", "https", "h", "/a b//c?d#é").map(|h| h.to_string());
        assert_eq!(h.as_deref(), Ok("GET\nh\n/a%20b//c%3Fd%23%C3%A9"));
        let h = head("get", "https", "h", "").map(|h| h.to_string());
        assert_eq!(h.as_deref(), Ok("GET\nh\n/"));
    }

    #[test]
    fn check_order_and_kinds() {
        assert_eq!(head("GE T", "ftp", "", "x"), Err(Error::InvalidMethod));
        assert_eq!(head("GET", "ftp", "", "x"), Err(Error::InvalidScheme));
        assert_eq!(head("GET", "HTTPS", "", "x"), Err(Error::InvalidHost));
        assert_eq!(head("GET", "https", "h", "x"), Err(Error::InvalidPath));
        assert_eq!(
            head("ABCDEFGHIJKLMNOPQ", "https", "h", "/"),
            Err(Error::InvalidMethod)
        );
        assert!(head("ABCDEFGHIJKLMNOP", "https", "h", "/").is_ok());
        assert_eq!(head("", "https", "h", "/"), Err(Error::InvalidMethod));
    }
}
