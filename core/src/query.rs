//! Received queries and form bodies (§2 step 1), parsed without allocating:
//! parameters stay percent-encoded in the caller's text and are decoded on
//! the fly whenever they are compared or re-encoded.

use crate::Error;
use crate::canonical::{CanonicalParam, Role, check_sorted, role_of};
use crate::compare::cmp_bytes;
use crate::encode::encode_to;
use crate::lanes16;
use crate::sink::Sink;
use core::cmp::Ordering;

/// One parameter of a received query, still form-encoded (`%XY`, `+` = space).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RawParam<'q> {
    name: &'q str,
    value: &'q str,
    /// Whether the text needs no decoding (no `%`, no `+`): the fast path.
    plain_name: bool,
    plain_value: bool,
}

impl<'q> RawParam<'q> {
    /// An empty slot, to initialise a working array for [`parse_query`].
    pub const EMPTY: RawParam<'static> = RawParam {
        name: "",
        value: "",
        plain_name: true,
        plain_value: true,
    };

    /// The name as received (still encoded).
    pub const fn raw_name(&self) -> &'q str {
        self.name
    }

    /// The value as received (still encoded).
    pub const fn raw_value(&self) -> &'q str {
        self.value
    }

    /// Decodes the name into `buf`.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] with the decoded length.
    pub fn decode_name<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        decode_into(self.name, buf)
    }

    /// Decodes the value into `buf`.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] with the decoded length.
    pub fn decode_value<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        decode_into(self.value, buf)
    }

    /// Decodes a time value into `buf`, keeping at most nine fraction digits:
    /// the spec allows any number and the parser ignores those past the
    /// ninth, so a long fraction must not overflow a small buffer.
    pub(crate) fn decode_timestamp<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        let mut len = 0;
        let mut fraction_digits: Option<usize> = None;
        for b in decoded(self.value) {
            match fraction_digits.as_mut() {
                Some(n) if b.is_ascii_digit() => {
                    *n += 1;
                    if *n > 9 {
                        continue;
                    }
                }
                _ => fraction_digits = (b == b'.').then_some(0),
            }
            *buf.get_mut(len).ok_or(Error::InvalidTimestamp)? = b;
            len += 1;
        }
        core::str::from_utf8(&buf[..len]).map_err(|_| Error::InvalidTimestamp)
    }

    /// Whether the decoded value is exactly `text`.
    pub fn value_is(&self, text: &str) -> bool {
        if self.plain_value {
            self.value == text
        } else {
            decoded(self.value).eq(text.bytes())
        }
    }

    fn cmp_name_with(&self, name: &str) -> Ordering {
        if self.plain_name {
            cmp_bytes(self.name.as_bytes(), name.as_bytes())
        } else {
            decoded(self.name).cmp(name.bytes())
        }
    }
}

impl CanonicalParam for RawParam<'_> {
    fn cmp_name(&self, other: &Self) -> Ordering {
        if self.plain_name && other.plain_name {
            cmp_bytes(self.name.as_bytes(), other.name.as_bytes())
        } else {
            decoded(self.name).cmp(decoded(other.name))
        }
    }

    fn name_is_empty(&self) -> bool {
        // Every escape and every `+` decodes to a byte: empty iff empty raw.
        self.name.is_empty()
    }

    fn role(&self) -> Role {
        if self.plain_name {
            role_of(self.name.as_bytes())
        } else {
            // An escaped name, judged decoded as every name is; the special
            // names are at most 16 bytes, so a longer one is none of them.
            let mut buf = [0u8; 16];
            decode_into(self.name, &mut buf).map_or(Role::Other, |name| role_of(name.as_bytes()))
        }
    }

    fn write_pair<S: Sink + ?Sized>(&self, separator: bool, sink: &mut S) {
        if self.plain_name && self.plain_value {
            // Nothing to decode: the raw text is the parameter's text.
            sink.put_pair(separator, self.name.as_bytes(), self.value.as_bytes());
            return;
        }
        if separator {
            sink.put_byte(b'&');
        }
        reencode(self.name, self.plain_name, sink);
        sink.put_byte(b'=');
        reencode(self.value, self.plain_value, sink);
    }
}

/// Decodes form-encoded text and S2-encodes it again, through a small buffer.
fn reencode<S: Sink + ?Sized>(raw: &str, plain: bool, sink: &mut S) {
    if plain {
        encode_to(raw.as_bytes(), sink);
        return;
    }
    let mut chunk = [0u8; 64];
    let mut len = 0;
    for b in decoded(raw) {
        chunk[len] = b;
        len += 1;
        if len == chunk.len() {
            encode_to(&chunk, sink);
            len = 0;
        }
    }
    encode_to(&chunk[..len], sink);
}

/// The value of a hex digit of either case.
const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes the byte at `at`: returns it and the position after it, or `None`
/// at the end or on a bad escape.
fn decode_at(raw: &[u8], at: usize) -> Option<(u8, usize)> {
    match *raw.get(at)? {
        b'+' => Some((b' ', at + 1)),
        b'%' => {
            let hi = hex_value(*raw.get(at + 1)?)?;
            let lo = hex_value(*raw.get(at + 2)?)?;
            Some(((hi << 4) | lo, at + 3))
        }
        b => Some((b, at + 1)),
    }
}

/// The decoded bytes of text already checked by [`check_encoded`].
fn decoded(raw: &str) -> impl Iterator<Item = u8> + '_ {
    let raw = raw.as_bytes();
    let mut at = 0;
    core::iter::from_fn(move || {
        let (b, next) = decode_at(raw, at)?;
        at = next;
        Some(b)
    })
}

/// Whether every escape is well formed and the decoded bytes are UTF-8;
/// `Ok(true)` when the text needs no decoding at all (no `%`, no `+`).
///
/// Text without `%` decodes to itself (`+` to a space): it is a `&str`
/// already, so valid. Otherwise it is decoded through a small buffer and
/// `core::str::from_utf8` judges each chunk, carrying an incomplete
/// trailing sequence over to the next chunk.
fn check_encoded(raw: &str) -> Result<bool, Error> {
    let bytes = raw.as_bytes();
    let (escapes, pluses) = lanes16::contains_either(bytes, b'%', b'+');
    if !escapes {
        return Ok(!pluses);
    }
    // The raw text is UTF-8 and `%` is ASCII, so what lies between escapes
    // is whole characters: the decoded text is valid exactly when each run
    // of consecutive escapes decodes to valid UTF-8 on its own. Only the
    // escapes are looked at; `+` (a space) cannot change validity.
    let mut run = [0u8; 64];
    let mut len = 0;
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(|rest| lanes16::find(rest, b'%')) {
        let escape = at + found;
        if escape != at && len > 0 {
            // Literal text ends the run: it must hold whole characters.
            core::str::from_utf8(&run[..len]).map_err(|_| Error::MalformedQuery)?;
            len = 0;
        }
        let digit = |i: usize| bytes.get(escape + i).copied().and_then(hex_value);
        let (high, low) = (digit(1), digit(2));
        let byte = (high.ok_or(Error::MalformedQuery)? << 4) | low.ok_or(Error::MalformedQuery)?;
        run[len] = byte;
        len += 1;
        if len == run.len() {
            len = carry_incomplete(&mut run, len)?;
        }
        at = escape + 3;
    }
    core::str::from_utf8(&run[..len]).map_err(|_| Error::MalformedQuery)?;
    Ok(false)
}

/// Validates `chunk[..len]`; keeps an incomplete final sequence (at most 3
/// bytes) at the front and returns its length.
fn carry_incomplete(chunk: &mut [u8; 64], len: usize) -> Result<usize, Error> {
    match core::str::from_utf8(&chunk[..len]) {
        Ok(_) => Ok(0),
        Err(e) if e.error_len().is_none() => {
            let valid = e.valid_up_to();
            chunk.copy_within(valid..len, 0);
            Ok(len - valid)
        }
        Err(_) => Err(Error::MalformedQuery),
    }
}

fn decode_into<'b>(raw: &str, buf: &'b mut [u8]) -> Result<&'b str, Error> {
    crate::sink::write_into(buf, |w| {
        let mut chunk = [0u8; 1];
        for b in decoded(raw) {
            chunk[0] = b;
            w.put(&chunk);
        }
    })
}

/// Decodes one form-encoded component (`%XY` escapes, `+` as space) into `buf`.
///
/// ```
/// let mut buf = [0u8; 32];
/// assert_eq!(mws_sign::form_decode("Caf%C3%A9+%2A", &mut buf), Ok("Café *"));
/// assert_eq!(mws_sign::form_decode("%G1", &mut buf), Err(mws_sign::Error::MalformedQuery));
/// ```
///
/// # Errors
/// [`Error::MalformedQuery`] for a bad escape or bytes that are not UTF-8
/// once decoded; [`Error::BufferTooSmall`] with the decoded length.
pub fn form_decode<'b>(raw: &str, buf: &'b mut [u8]) -> Result<&'b str, Error> {
    check_encoded(raw)?;
    decode_into(raw, buf)
}

/// The non-empty `&`-separated pieces of a query, split on their first `=`.
fn pieces(query: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = query;
    core::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // `&` and `=` are ASCII: splitting at them keeps whole characters.
            let end = lanes16::find(rest.as_bytes(), b'&').unwrap_or(rest.len());
            let (piece, after) = rest.split_at_checked(end)?;
            rest = after.get(1..).unwrap_or("");
            if piece.is_empty() {
                continue;
            }
            return Some(match lanes16::find(piece.as_bytes(), b'=') {
                Some(at) => {
                    let (name, value) = piece.split_at_checked(at)?;
                    (name, value.get(1..).unwrap_or(""))
                }
                None => (piece, ""),
            });
        }
    })
}

/// A received query's parameters, sorted (S3, by decoded name) and checked.
#[derive(Clone, Copy, Debug)]
pub struct ReceivedParams<'s, 'q> {
    params: &'s [RawParam<'q>],
}

/// Parses a raw query string or form body into the caller's working slice.
///
/// ```
/// use mws_sign::{RawParam, parse_query};
/// let mut space = [RawParam::EMPTY; 8];
/// let params = parse_query("b=x+y&a=%C3%A9", &mut space)?;
/// assert_eq!(params.len(), 2);
/// assert!(params.get("b").is_some_and(|p| p.value_is("x y")));
/// # Ok::<(), mws_sign::Error>(())
/// ```
///
/// # Errors
/// In this order over the whole query: [`Error::MalformedQuery`],
/// [`Error::TooManyParameters`] (more pieces than `space` holds),
/// [`Error::EmptyParameterName`], [`Error::DuplicateParameter`].
pub fn parse_query<'s, 'q>(
    query: &'q str,
    space: &'s mut [RawParam<'q>],
) -> Result<ReceivedParams<'s, 'q>, Error> {
    // One pass: each piece is checked and, while there is room, stored;
    // a malformed piece anywhere is reported before a lack of room.
    let mut count = 0;
    let mut plain_names = true;
    for (name, value) in pieces(query) {
        let plain_name = check_encoded(name)?;
        let plain_value = check_encoded(value)?;
        if let Some(slot) = space.get_mut(count) {
            *slot = RawParam {
                name,
                value,
                plain_name,
                plain_value,
            };
        }
        plain_names &= plain_name;
        count += 1;
    }
    let slots = space.get_mut(..count).ok_or(Error::TooManyParameters)?;
    if slots.iter().any(|p| p.name.is_empty()) {
        return Err(Error::EmptyParameterName);
    }
    // Names that need no decoding (all of them, in practice) sort by their
    // raw bytes through integer keys; others by comparing decoded names.
    let sorted = if plain_names {
        crate::sort::sort_by_names(slots, |p| p.name.as_bytes())
    } else {
        None
    };
    match sorted {
        Some(checked) => checked?,
        None => {
            crate::sort::sort_by(slots, |a, b| a.cmp_name(b));
            check_sorted(slots.iter())?;
        }
    }
    let params: &'s [RawParam<'q>] = slots;
    Ok(ReceivedParams { params })
}

impl<'s, 'q> ReceivedParams<'s, 'q> {
    /// The number of parameters (including `Signature`).
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Whether the query had no parameters.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// The parameters in S3 order.
    pub fn iter(&self) -> impl Iterator<Item = &'s RawParam<'q>> + 's {
        self.params.iter()
    }

    /// The parameter whose decoded name is `name`.
    pub fn get(&self, name: &str) -> Option<&'s RawParam<'q>> {
        let params = self.params;
        params
            .binary_search_by(|p| p.cmp_name_with(name))
            .ok()
            .and_then(|i| params.get(i))
    }

    pub(crate) fn write_canonical<S: Sink + ?Sized>(&self, sink: &mut S) {
        crate::canonical::write_canonical(self.params.iter(), sink);
    }
}

#[cfg(test)]
mod tests;
