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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::is_unreserved;

    /// The number (0–8) of leading unreserved bytes of `chunk`.
    fn unreserved_prefix(chunk: [u8; 8]) -> usize {
        (reserved_lanes(chunk).trailing_zeros() / 8) as usize
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
