//! Where the text of a stage goes: into the HMAC, a caller's buffer, a
//! length count or a formatter — one writer per destination, so each stage
//! is written once and never needs an allocation.

use crate::Error;
use crate::encode::{
    encode_by_pieces, encode_pair_within, encode_within, encoded_len, room_for, room_for_pair,
};
use core::fmt;

/// A destination for the bytes of a stage. Every piece written is whole UTF-8.
pub(crate) trait Sink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]);

    /// Appends one byte (an ASCII character).
    fn put_byte(&mut self, byte: u8) {
        self.put(&[byte]);
    }

    /// Appends each line followed by `\n` (the head's lines, already as
    /// signed). The MAC stream stages them in one go.
    #[inline]
    fn put_lines(&mut self, lines: &[&[u8]; 3]) {
        put_lines_by_pieces(self, lines);
    }

    /// Appends one encoded byte: `entry`'s low bytes, as many as its top byte says (1 or 3).
    #[inline]
    fn put_entry(&mut self, entry: u32) {
        let n = (entry >> 24) as usize;
        self.put(&entry.to_le_bytes()[..n.min(3)]);
    }

    /// Appends the S2 encoding of `bytes`. Sinks that own their memory
    /// override this with [`encode_within`]'s register-held cursor.
    #[inline]
    fn put_encoded(&mut self, bytes: &[u8]) {
        encode_by_pieces(bytes, self);
    }

    /// Appends one canonical pair: `&` (when `separator`), then
    /// `enc(name)=enc(value)`. Sinks that own their memory write a pair that
    /// fits in one go (see [`encode_pair_within`]).
    #[inline]
    fn put_pair(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        put_pair_by_pieces(self, separator, name, value);
    }
}

/// [`Sink::put_pair`] as four pieces: for sinks without their own memory,
/// and for a pair too large for a sink's one-go path.
#[inline]
pub(crate) fn put_pair_by_pieces<S: Sink + ?Sized>(
    sink: &mut S,
    separator: bool,
    name: &[u8],
    value: &[u8],
) {
    if separator {
        sink.put_byte(b'&');
    }
    sink.put_encoded(name);
    sink.put_byte(b'=');
    sink.put_encoded(value);
}

/// [`Sink::put_lines`] piece by piece: for sinks without their own memory,
/// and for lines too long for a sink's one-go path.
#[inline]
pub(crate) fn put_lines_by_pieces<S: Sink + ?Sized>(sink: &mut S, lines: &[&[u8]; 3]) {
    for line in lines {
        sink.put(line);
        sink.put_byte(b'\n');
    }
}

/// Counts the bytes a stage would write: the length query of every `*_len` function.
#[derive(Default)]
pub(crate) struct Counter(pub(crate) usize);

impl Sink for Counter {
    #[inline]
    fn put_entry(&mut self, entry: u32) {
        self.0 += (entry >> 24) as usize;
    }

    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }

    #[inline]
    fn put_byte(&mut self, _byte: u8) {
        self.0 += 1;
    }

    #[inline]
    fn put_encoded(&mut self, bytes: &[u8]) {
        self.0 += encoded_len(bytes);
    }
}

/// Writes into a caller's buffer while counting what the whole output needs.
///
/// It keeps counting after the buffer is full, so one pass both fills a large
/// enough buffer and reports the exact size for a second attempt.
pub(crate) struct SliceWriter<'b> {
    buf: &'b mut [u8],
    needed: usize,
}

impl<'b> SliceWriter<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        SliceWriter { buf, needed: 0 }
    }

    /// The length written, or [`Error::BufferTooSmall`] with the full length.
    pub(crate) fn finish_len(self) -> Result<usize, Error> {
        match self.needed {
            needed if needed > self.buf.len() => Err(Error::BufferTooSmall { needed }),
            needed => Ok(needed),
        }
    }

    /// The written text, or [`Error::BufferTooSmall`] with the full length.
    pub(crate) fn finish(self) -> Result<&'b str, Error> {
        let needed = self.needed;
        if needed > self.buf.len() {
            return Err(Error::BufferTooSmall { needed });
        }
        let written = &self.buf[..needed];
        // Every piece written is whole UTF-8 and nothing was cut, so this
        // cannot fail; the error arm only keeps the function panic-free.
        core::str::from_utf8(written).map_err(|_| Error::BufferTooSmall { needed })
    }
}

impl Sink for SliceWriter<'_> {
    #[inline]
    fn put_entry(&mut self, entry: u32) {
        let n = (entry >> 24) as usize;
        let at = self.needed;
        if let Some(dst) = self.buf.get_mut(at..at + 4) {
            dst.copy_from_slice(&entry.to_le_bytes());
        } else if let Some(dst) = self.buf.get_mut(at..at + n) {
            dst.copy_from_slice(&entry.to_le_bytes()[..n]);
        }
        self.needed += n;
    }

    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        let end = self.needed + bytes.len();
        if let Some(dst) = self.buf.get_mut(self.needed..end) {
            copy_small(dst, bytes);
        }
        self.needed = end;
    }

    #[inline]
    fn put_byte(&mut self, byte: u8) {
        if let Some(dst) = self.buf.get_mut(self.needed) {
            *dst = byte;
        }
        self.needed += 1;
    }

    // Inlined into the canonical query's loop natively, as the MAC
    // stream's is (a call per pair saves registers and reloads the
    // encoder's constants); one shared copy in wasm, for the module's size.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn put_pair(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        let at = self.needed;
        if self.buf.len().saturating_sub(at) >= room_for_pair(name.len(), value.len()) {
            self.needed = encode_pair_within(separator, name, value, self.buf, at);
        } else {
            self.put_pair_near_end(separator, name, value);
        }
    }

    #[inline]
    fn put_encoded(&mut self, bytes: &[u8]) {
        let at = self.needed;
        if self.buf.len().saturating_sub(at) >= room_for(bytes.len()) {
            self.needed = encode_within(bytes, self.buf, at);
        } else {
            self.put_encoded_near_end(bytes);
        }
    }
}

// Natively, the fast paths near the end (in `near_end`).
#[cfg(not(target_arch = "wasm32"))]
mod near_end;

/// In wasm, piece by piece near the end: the bindings' output buffers grow
/// by doubling there, so their end is rarely near, and the fast paths'
/// copies above cost 3 KB of module size.
#[cfg(target_arch = "wasm32")]
impl SliceWriter<'_> {
    fn put_pair_near_end(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        put_pair_by_pieces(self, separator, name, value);
    }

    fn put_encoded_near_end(&mut self, bytes: &[u8]) {
        encode_by_pieces(bytes, self);
    }
}

/// Copies `src` into `dst` (same length) without a `memcpy` call for the
/// short pieces signing writes: 8–16 bytes as two overlapping fixed-size
/// copies, fewer byte by byte.
#[inline(always)]
pub(crate) fn copy_small(dst: &mut [u8], src: &[u8]) {
    let n = src.len().min(dst.len());
    if (8..=16).contains(&n) {
        dst[..8].copy_from_slice(&src[..8]);
        dst[n - 8..n].copy_from_slice(&src[n - 8..n]);
    } else if n < 8 {
        for (d, s) in dst.iter_mut().zip(src) {
            *d = *s;
        }
    } else {
        dst[..n].copy_from_slice(&src[..n]);
    }
}

/// The bytes a [`FmtSink`] gathers before handing them to the formatter:
/// the room the MAC's stage keeps, so a pair of up to 135 bytes of text is
/// encoded in one go here too.
const FMT_BUFFER: usize = 512;

/// Adapts a [`fmt::Formatter`] so stages can implement `Display`.
///
/// Pieces are gathered in a buffer on the stack, encoded there with the
/// same fast path the MAC and [`SliceWriter`] use, and handed on a few
/// hundred bytes at a time. Passed on one by one, every piece cost a UTF-8
/// check and a `write_str` call, and encoding went byte piece by byte
/// piece: `Display` of a signed query took 5.8 to 8.6 times as long as
/// writing it into a buffer (BENCHMARKS.md).
///
/// The buffer is flushed only between pieces, and every piece is whole
/// UTF-8 (see [`Sink`]), so each flush is whole UTF-8 too. Callers must
/// end with [`FmtSink::finish`], which flushes what is left.
pub(crate) struct FmtSink<'f, 'g> {
    f: &'f mut fmt::Formatter<'g>,
    buf: [u8; FMT_BUFFER],
    len: usize,
    result: fmt::Result,
}

impl<'f, 'g> FmtSink<'f, 'g> {
    pub(crate) fn new(f: &'f mut fmt::Formatter<'g>) -> Self {
        FmtSink {
            f,
            buf: [0; FMT_BUFFER],
            len: 0,
            result: Ok(()),
        }
    }

    /// Flushes the buffer and returns the first error the formatter gave.
    pub(crate) fn finish(mut self) -> fmt::Result {
        self.flush();
        self.result
    }

    /// Hands the gathered bytes to the formatter.
    fn flush(&mut self) {
        let len = core::mem::take(&mut self.len);
        pass_on(self.f, &mut self.result, &self.buf[..len]);
    }

    /// Makes room for `needed` bytes, flushing if they would not fit after
    /// what is gathered; `false` if they do not fit even in an empty buffer.
    #[inline]
    fn room(&mut self, needed: usize) -> bool {
        if needed > FMT_BUFFER - self.len {
            self.flush();
        }
        needed <= FMT_BUFFER
    }
}

/// Hands `bytes` to the formatter unless it already failed.
fn pass_on(f: &mut fmt::Formatter<'_>, result: &mut fmt::Result, bytes: &[u8]) {
    if result.is_ok() && !bytes.is_empty() {
        // Whole pieces are whole UTF-8, so this never fails.
        *result = match core::str::from_utf8(bytes) {
            Ok(s) => f.write_str(s),
            Err(_) => Err(fmt::Error),
        };
    }
}

impl Sink for FmtSink<'_, '_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if self.room(bytes.len()) {
            let at = self.len;
            copy_small(&mut self.buf[at..at + bytes.len()], bytes);
            self.len += bytes.len();
        } else {
            pass_on(self.f, &mut self.result, bytes);
        }
    }

    #[inline]
    fn put_byte(&mut self, byte: u8) {
        self.room(1);
        self.buf[self.len] = byte;
        self.len += 1;
    }

    #[inline]
    fn put_pair(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        if self.room(room_for_pair(name.len(), value.len())) {
            self.len = encode_pair_within(separator, name, value, &mut self.buf, self.len);
        } else {
            put_pair_by_pieces(self, separator, name, value);
        }
    }

    #[inline]
    fn put_encoded(&mut self, mut bytes: &[u8]) {
        // As much input as surely fits an empty buffer at a time.
        const FITS: usize = (FMT_BUFFER - room_for(0)) / 3;
        while !bytes.is_empty() {
            let (piece, rest) = bytes.split_at(bytes.len().min(FITS));
            self.room(room_for(piece.len()));
            self.len = encode_within(piece, &mut self.buf, self.len);
            bytes = rest;
        }
    }
}

/// Writes a stage into `buf` with `write`, reporting the needed length on overflow.
pub(crate) fn write_into<'b>(
    buf: &'b mut [u8],
    write: impl FnOnce(&mut SliceWriter<'b>),
) -> Result<&'b str, Error> {
    let mut w = SliceWriter::new(buf);
    write(&mut w);
    w.finish()
}

/// As [`write_into`], returning the length written instead of the text
/// (without re-checking the written bytes as UTF-8, a pass over all of them).
pub(crate) fn write_len(
    buf: &mut [u8],
    write: impl FnOnce(&mut SliceWriter<'_>),
) -> Result<usize, Error> {
    let mut w = SliceWriter::new(buf);
    write(&mut w);
    w.finish_len()
}

/// The length `write` produces.
pub(crate) fn measure(write: impl FnOnce(&mut Counter)) -> usize {
    let mut c = Counter::default();
    write(&mut c);
    c.0
}

#[cfg(test)]
mod tests;
