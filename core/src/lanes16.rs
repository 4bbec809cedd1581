//! Sixteen bytes at a time, with the platform's 128-bit vectors (SSE2 on
//! x86-64, `simd128` in the wasm build) through the `wide` crate.
//! Where neither is enabled, `wide` falls back to plain arrays.

use crate::swar::{load_short, word};
use wide::{i8x16, u8x16};

/// Bit `i` is set when byte `i` of `chunk` is reserved (must be escaped).
#[inline(always)]
pub(crate) fn reserved_mask(chunk: [u8; 16]) -> u32 {
    let x = i8x16::new(chunk.map(|b| b.cast_signed()));
    // Outside `lo..lo + len` as one signed compare: shifted by `0x80 - lo`,
    // the range starts at -128 and every byte outside it lands at or above
    // its end. Asked this way round (the shifted bytes above a constant),
    // each compare overwrites its own temporary: SSE2's compares overwrite
    // their first operand, and a constant there had to be copied first.
    let outside = |v: i8x16, lo: u8, len: u8| {
        let shifted = v + i8x16::splat(0x80u8.wrapping_sub(lo).cast_signed());
        shifted.simd_gt(i8x16::splat(len.wrapping_sub(0x81).cast_signed()))
    };
    // Setting bit 0x20 folds A-Z onto a-z and maps no other byte into a-z.
    let not_letter = outside(x | i8x16::splat(0x20), b'a', 26);
    let not_digit = outside(x, b'0', 10);
    let not_dash_dot = outside(x, b'-', 2);
    let underscore = x.simd_eq(i8x16::splat(b'_'.cast_signed()));
    let tilde = x.simd_eq(i8x16::splat(b'~'.cast_signed()));
    (not_letter & not_digit & not_dash_dot & !(underscore | tilde)).to_bitmask()
}

/// Bit `i` is set when byte `i` of `chunk` is not ASCII.
#[inline(always)]
pub(crate) fn non_ascii_mask(chunk: [u8; 16]) -> u32 {
    u8x16::new(chunk).to_bitmask()
}

/// The 16 bytes of `bytes` from `at`, zero-filled past its end, read
/// without a byte loop (whole or as two short words).
#[inline(always)]
pub(crate) fn load(bytes: &[u8], at: usize) -> u8x16 {
    let rest = bytes.get(at..).unwrap_or(&[]);
    if let Some(chunk) = rest.first_chunk::<16>() {
        return u8x16::new(*chunk);
    }
    u8x16::new(pair(word(rest), word(rest.get(8..).unwrap_or(&[]))))
}

/// The index of the first `byte` (not 0) in `bytes`, 16 bytes a step.
#[inline]
pub(crate) fn find(bytes: &[u8], byte: u8) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        let hits = load(bytes, at).simd_eq(u8x16::splat(byte)).to_bitmask();
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize);
        }
        at += 16;
    }
    None
}

/// Whether `bytes` holds `a` or `b` (neither 0), 16 bytes a step.
#[inline]
pub(crate) fn contains_either(bytes: &[u8], a: u8, b: u8) -> (bool, bool) {
    let (mut has_a, mut has_b) = (u8x16::splat(0), u8x16::splat(0));
    let mut at = 0;
    while at < bytes.len() {
        let chunk = load(bytes, at);
        has_a |= chunk.simd_eq(u8x16::splat(a));
        has_b |= chunk.simd_eq(u8x16::splat(b));
        at += 16;
    }
    (has_a.any(), has_b.any())
}

/// A text under 16 bytes, zero-filled to 16, read without a byte loop:
/// two overlapping words from 8 bytes on, a short word below.
#[inline(always)]
pub(crate) fn zero_filled(text: &[u8]) -> [u8; 16] {
    let n = text.len();
    match (text.first_chunk::<8>(), text.last_chunk::<8>()) {
        (Some(head), Some(tail)) => {
            // The tail's bytes past the head, moved down to lane 8.
            let rest = (u64::from_le_bytes(*tail) >> (8 * (15 - n.min(15)))) >> 8;
            pair(*head, rest.to_le_bytes())
        }
        _ => pair(load_short(text), [0; 8]),
    }
}

/// Two 8-byte words as one vector (`lo` in lanes 0–7).
#[inline(always)]
pub(crate) fn pair(lo: [u8; 8], hi: [u8; 8]) -> [u8; 16] {
    let mut both = [0u8; 16];
    both[..8].copy_from_slice(&lo);
    both[8..].copy_from_slice(&hi);
    both
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use crate::encode::is_unreserved;

    #[test]
    fn every_byte_in_every_lane_is_classified_as_the_table_says() {
        // Under Miri, an interpreter, every fifth byte value.
        let step = if cfg!(miri) { 5 } else { 1 };
        for byte in (0..=255u8).step_by(step) {
            let expected = u32::from(!is_unreserved(byte));
            for lane in 0..16 {
                let mut chunk = [b'a'; 16];
                chunk[lane] = byte;
                assert_eq!(
                    reserved_mask(chunk),
                    expected << lane,
                    "{byte:#04x} in lane {lane}"
                );
            }
            assert_eq!(reserved_mask([byte; 16]), expected * 0xFFFF, "{byte:#04x}");
        }
    }

    #[test]
    fn load_zero_fills_past_the_end() {
        let text: [u8; 40] = core::array::from_fn(|i| i as u8 + 1);
        for len in 0..=40 {
            for at in [0, 8, 16, 24, 32, 40, 48] {
                let mut expected = [0u8; 16];
                for (i, e) in expected.iter_mut().enumerate() {
                    *e = text[..len].get(at + i).copied().unwrap_or(0);
                }
                assert_eq!(load(&text[..len], at).to_array(), expected, "{len} {at}");
            }
        }
    }

    #[test]
    fn find_and_contains_either_agree_with_plain_scans() {
        let text: std::vec::Vec<u8> = (0..70u8)
            .map(|i| b"ab&c=%+"[usize::from(i) * 5 % 7])
            .collect();
        for len in 0..text.len() {
            let t = &text[..len];
            for byte in [b'&', b'=', b'%', b'+', b'z'] {
                assert_eq!(
                    find(t, byte),
                    t.iter().position(|&b| b == byte),
                    "{len} {byte}"
                );
            }
            assert_eq!(
                contains_either(t, b'%', b'+'),
                (t.contains(&b'%'), t.contains(&b'+')),
                "{len}"
            );
        }
    }

    #[test]
    fn pair_puts_the_first_word_in_the_low_lanes() {
        assert_eq!(pair(*b"01234567", *b"89abcdef"), *b"0123456789abcdef");
    }
}
