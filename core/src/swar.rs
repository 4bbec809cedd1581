//! Eight bytes at a time: how many leading bytes of a word S2 leaves as they
//! are. Percent-encoding is the only per-byte work of signing besides the
//! hash, so it is done on whole `u64` words ("SIMD within a register"),
//! portable and without `unsafe`.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x7` (whose bytes are all < 0x80) is set
/// when the byte lies in `lo..=hi`. No byte sum exceeds 0xFF for the ranges
/// used here (lo ≥ 0x2D), so no carry crosses into the next byte.
#[inline(always)]
const fn in_range(x7: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = x7.wrapping_add(ONES * (0x80 - lo as u64));
    let above_hi = x7.wrapping_add(ONES * (0x7F - hi as u64));
    at_least_lo & !above_hi & HIGH
}

/// The high bit of each byte is set when that byte is unreserved
/// (`A-Z a-z 0-9 - . _ ~`).
#[inline(always)]
const fn unreserved_mask(x: u64) -> u64 {
    let x7 = x & !HIGH;
    // Setting bit 0x20 folds A-Z onto a-z and maps no other byte into a-z.
    let letter = in_range(x7 | (ONES * 0x20), b'a', b'z');
    let digit = in_range(x7, b'0', b'9');
    let dash_dot = in_range(x7, b'-', b'.');
    let underscore = in_range(x7, b'_', b'_');
    let tilde = in_range(x7, b'~', b'~');
    // `!x` clears the bytes with the high bit set: non-ASCII is reserved.
    (letter | digit | dash_dot | underscore | tilde) & !x
}

/// The high bit of each byte of `chunk` (as a little-endian `u64`) is set
/// when that byte is reserved, i.e. must be escaped.
#[inline(always)]
pub(crate) const fn reserved_lanes(chunk: [u8; 8]) -> u64 {
    !unreserved_mask(u64::from_le_bytes(chunk)) & HIGH
}

/// The high bits of the first `n` (0–8) bytes: masks lanes of a word.
#[inline(always)]
pub(crate) const fn first_lanes(n: usize) -> u64 {
    if n >= 8 {
        HIGH
    } else {
        HIGH & ((1u64 << (8 * n)) - 1)
    }
}

/// The first 8 bytes of `bytes` (zeros past its end).
#[inline(always)]
pub(crate) fn word(bytes: &[u8]) -> [u8; 8] {
    match bytes.first_chunk::<8>() {
        Some(w) => *w,
        None => load_short(bytes),
    }
}

/// A text under 8 bytes as a word, zero-filled, without a byte loop: two
/// overlapping reads of 4 (or three single bytes) OR-ed into place, the
/// overlap being the same bytes.
#[inline(always)]
pub(crate) fn load_short(src: &[u8]) -> [u8; 8] {
    let n = src.len().min(8);
    let le32 = |b: &[u8]| {
        b.first_chunk::<4>()
            .map_or(0, |w| u64::from(u32::from_le_bytes(*w)))
    };
    let v = if n >= 4 {
        le32(src) | le32(&src[n - 4..]) << (8 * (n - 4))
    } else if n > 0 {
        let byte = |i: usize| u64::from(src[i]) << (8 * i);
        byte(0) | byte(n / 2) | byte(n - 1)
    } else {
        0
    };
    v.to_le_bytes()
}

/// Whether every byte of `bytes` is accepted: `accept(word)` sets the high
/// bit of each accepted byte of a little-endian word. For the checks a
/// one-call signature runs on the method, host and path.
#[inline(always)]
pub(crate) fn all_bytes(bytes: &[u8], accept: impl Fn(u64) -> u64) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut rejected = 0;
    for w in words.by_ref() {
        rejected |= !accept(u64::from_le_bytes(word(w))) & HIGH;
    }
    let rest = words.remainder();
    rejected |= !accept(u64::from_le_bytes(load_short(rest))) & first_lanes(rest.len());
    rejected == 0
}

/// The high bit of each ASCII letter (`A-Z a-z`).
#[inline(always)]
pub(crate) const fn letter_lanes(x: u64) -> u64 {
    in_range((x & !HIGH) | (ONES * 0x20), b'a', b'z') & !x
}

/// The high bit of each byte a DNS name or IPv4 address may hold: letters,
/// digits, `-`, `.` and `_`.
#[inline(always)]
pub(crate) const fn host_lanes(x: u64) -> u64 {
    let x7 = x & !HIGH;
    let word = letter_lanes(x) | in_range(x7, b'0', b'9') | in_range(x7, b'-', b'.');
    (word | in_range(x7, b'_', b'_')) & !x
}

/// The high bit of each digit or `.`: a host of only these is read as IPv4.
#[inline(always)]
pub(crate) const fn ipv4_lanes(x: u64) -> u64 {
    let x7 = x & !HIGH;
    (in_range(x7, b'0', b'9') | in_range(x7, b'.', b'.')) & !x
}

/// The high bit of each byte equal to `byte` (which must be at least
/// 0x2D, like every byte searched for here: `.` and `:`).
#[inline(always)]
pub(crate) const fn byte_lanes(x: u64, byte: u8) -> u64 {
    in_range(x & !HIGH, byte, byte) & !x
}

/// The index of the first `byte` (at least 0x2D) in `bytes`, a word at a time.
#[inline(always)]
pub(crate) fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let hits = byte_lanes(u64::from_le_bytes(word(rest)), byte) & first_lanes(rest.len());
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    None
}

/// The high bit of each uppercase ASCII letter.
#[inline(always)]
pub(crate) const fn upper_lanes(x: u64) -> u64 {
    in_range(x & !HIGH, b'A', b'Z') & !x
}

/// The high bit of each byte S2 leaves as it is, or that is `/`: a path
/// of only these is signed as written.
#[inline(always)]
pub(crate) const fn plain_path_lanes(x: u64) -> u64 {
    unreserved_mask(x) | (in_range(x & !HIGH, b'/', b'/') & !x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::is_unreserved;

    /// The number (0–8) of leading unreserved bytes of `chunk`.
    fn unreserved_prefix(chunk: [u8; 8]) -> usize {
        (reserved_lanes(chunk).trailing_zeros() / 8) as usize
    }

    #[test]
    fn whole_text_predicates_agree_with_the_byte_predicates() {
        // Every byte in every position of texts of every length up to 17
        // (under Miri, an interpreter: a sample of the bytes).
        let step = if cfg!(miri) { 37 } else { 1 };
        for len in 1..18 {
            for pos in 0..len {
                for b in (0..=255u8).step_by(step) {
                    let mut text = [b'a'; 17];
                    text[pos] = b;
                    let text = &text[..len];
                    assert_eq!(all_bytes(text, letter_lanes), b.is_ascii_alphabetic());
                    let host_byte = b.is_ascii_alphanumeric() || b"-._".contains(&b);
                    assert_eq!(all_bytes(text, host_lanes), host_byte);
                    let ipv4_byte = b.is_ascii_digit() || b == b'.';
                    assert_eq!(all_bytes(&text[pos..=pos], ipv4_lanes), ipv4_byte);
                    assert_eq!(
                        all_bytes(text, |w| !upper_lanes(w)),
                        !b.is_ascii_uppercase()
                    );
                    assert_eq!(
                        all_bytes(text, plain_path_lanes),
                        b == b'/' || is_unreserved(b)
                    );
                }
            }
        }
        assert!(all_bytes(b"", letter_lanes));
    }

    #[test]
    fn first_lanes_covers_exactly_n_bytes() {
        for n in 0..=8 {
            assert_eq!(first_lanes(n).count_ones() as usize, n);
            assert_eq!(first_lanes(n) & !HIGH, 0);
        }
    }

    #[test]
    fn agrees_with_the_table_for_every_byte_in_every_position() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut chunk = *b"AAAAAAAA";
                chunk[pos] = b;
                let expected = if is_unreserved(b) { 8 } else { pos };
                assert_eq!(unreserved_prefix(chunk), expected, "byte {b:#04x} at {pos}");
            }
        }
    }

    #[test]
    fn neighbouring_bytes_do_not_interfere() {
        // Every pair of adjacent values, to catch carries between lanes.
        // Under Miri every first byte with a sample of second bytes.
        let step = if cfg!(miri) { 37 } else { 1 };
        for a in 0..=255u8 {
            for b in (0..=255u8).step_by(step) {
                let chunk = [a, b, b'x', b'x', b'x', b'x', b'x', b'x'];
                let expected = match (is_unreserved(a), is_unreserved(b)) {
                    (false, _) => 0,
                    (true, false) => 1,
                    (true, true) => 8,
                };
                assert_eq!(unreserved_prefix(chunk), expected, "{a:#04x} {b:#04x}");
            }
        }
    }
}
