//! Standard Base64 with padding, for MAC tags and MD5 digests.
//!
//! These values are public (they travel in the request), so a plain table
//! encoder is used rather than a constant-time one: it is several times
//! faster and the signature is on the hot path.

#[cfg(not(target_arch = "wasm32"))]
use wide::i8x16;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The Base64 length of `n` bytes.
#[cfg(test)]
pub(crate) const fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Encodes `input` into the start of `out` (which must hold
/// [`encoded_len`] bytes) and returns the length written.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline)]
pub(crate) fn encode(input: &[u8], out: &mut [u8]) -> usize {
    let mut written = 0;
    let mut triplets = input.chunks_exact(3);
    for (src, dst) in (&mut triplets).zip(out.chunks_exact_mut(4)) {
        let n = (u32::from(src[0]) << 16) | (u32::from(src[1]) << 8) | u32::from(src[2]);
        dst[0] = ALPHABET[(n >> 18) as usize & 63];
        dst[1] = ALPHABET[(n >> 12) as usize & 63];
        dst[2] = ALPHABET[(n >> 6) as usize & 63];
        dst[3] = ALPHABET[n as usize & 63];
        written += 4;
    }
    let rest = triplets.remainder();
    if let (Some(&first), Some(dst)) = (rest.first(), out.get_mut(written..written + 4)) {
        let second = rest.get(1).copied();
        let n = (u32::from(first) << 16) | (u32::from(second.unwrap_or(0)) << 8);
        dst[0] = ALPHABET[(n >> 18) as usize & 63];
        dst[1] = ALPHABET[(n >> 12) as usize & 63];
        dst[2] = if second.is_some() {
            ALPHABET[(n >> 6) as usize & 63]
        } else {
            b'='
        };
        dst[3] = b'=';
        written += 4;
    }
    written
}

/// The Base64 of a MAC tag given as its hash words, big-endian (`W` = 8
/// for SHA-256, 5 for SHA-1: whole 6-byte groups and 2 bytes more), into
/// `out`; returns the length written.
///
/// The tag is the last thing signing computes, so its encoding adds to
/// every signature's latency: here each 6 bytes become 8 characters in one
/// register (taken from the words with a shift or two, the sextets spread
/// to a byte each by three shift-and-mask steps) and 16 characters are
/// mapped to the alphabet at once by range compares, where the table
/// encoder takes a load and a store per character (a SHA-256 tag: 270
/// instructions). Native only: the wasm build keeps the one table encoder,
/// for the module's size.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(crate) fn encode_tag<const W: usize>(words: &[u32; W], out: &mut [u8; 44]) -> usize {
    const { assert!(4 * W % 6 == 2 && W <= 8) };
    let groups = 4 * W / 6;
    // Three words hold two groups: the first word and the high half of
    // the second, then its low half and the third.
    let mut packed = [0u64; 6];
    for (g, group) in packed.iter_mut().take(groups).enumerate() {
        let at = g / 2 * 3;
        let word = |i: usize| u64::from(words.get(at + i).copied().unwrap_or(0));
        *group = if g % 2 == 0 {
            word(0) << 16 | word(1) >> 16
        } else {
            (word(1) & 0xFFFF) << 32 | word(2)
        };
    }
    // The last 2 bytes as a group padded with zeros.
    packed[groups] = (u64::from(words[W - 1]) & 0xFFFF) << 32;
    let mut text = [0u8; 48];
    for (pair, dst) in packed.chunks_exact(2).zip(text.chunks_exact_mut(16)) {
        let lanes = crate::lanes16::pair(
            sextets(pair[0]).to_le_bytes(),
            sextets(pair[1]).to_le_bytes(),
        );
        let ascii = alphabet(i8x16::new(lanes.map(u8::cast_signed))).to_array();
        dst.copy_from_slice(&ascii.map(i8::cast_unsigned));
    }
    // 4 characters per 3 bytes, the last of them padding.
    let len = (4 * W).div_ceil(3) * 4;
    out[..len].copy_from_slice(&text[..len]);
    out[len - 1] = b'=';
    len
}

/// The eight sextets of the 48 bits `x`, most significant first, one per
/// byte from the lowest byte up.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
const fn sextets(x: u64) -> u64 {
    // The first 24 bits to the low 32-bit lane, the last to the high one;
    // in each lane the first 12 bits to the low 16-bit half; in each half
    // the first 6 bits to the low byte. Each step keeps the earlier part
    // lower, so no byte reversal is needed at the end.
    const LOW_12: u64 = 0x0000_0FFF_0000_0FFF;
    const LOW_6: u64 = 0x003F_003F_003F_003F;
    let x = (x >> 24) | (x & 0xFF_FFFF) << 32;
    let x = (x >> 12 & LOW_12) | (x & LOW_12) << 16;
    (x >> 6 & LOW_6) | (x & LOW_6) << 8
}

/// Sixteen sextets (0–63) to their Base64 characters: `A` + the sextet,
/// moved on at each place the alphabet jumps (`a`, `0`, `+`, `/`).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn alphabet(sextets: i8x16) -> i8x16 {
    let from =
        |first: i8, shift: i8| sextets.simd_gt(i8x16::splat(first - 1)) & i8x16::splat(shift);
    // Byte arithmetic wraps: `/` (63) passes 127 on the way.
    sextets
        + i8x16::splat(b'A'.cast_signed())
        + from(26, (b'a' - b'A' - 26).cast_signed())
        + from(52, (b'0'.wrapping_sub(b'a' + 26)).cast_signed())
        + from(62, (b'+'.wrapping_sub(b'0' + 10)).cast_signed())
        + from(63, (b'/'.wrapping_sub(b'+' + 1)).cast_signed())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(input: &[u8]) -> ([u8; 64], usize) {
        let mut out = [0u8; 64];
        let n = encode(input, &mut out);
        assert_eq!(n, encoded_len(input.len()));
        (out, n)
    }

    #[test]
    fn rfc4648_test_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let (out, n) = enc(input.as_bytes());
            assert_eq!(&out[..n], expected.as_bytes(), "{input:?}");
        }
        let (out, n) = enc(&[0xfb, 0xff, 0xbf]);
        assert_eq!(&out[..n], b"+/+/");
    }

    /// A tag's bytes as the hash words `encode_tag` takes.
    fn words<const N: usize, const W: usize>(tag: &[u8; N]) -> [u32; W] {
        core::array::from_fn(|i| {
            u32::from_be_bytes([tag[4 * i], tag[4 * i + 1], tag[4 * i + 2], tag[4 * i + 3]])
        })
    }

    /// `encode_tag` against the table encoder for tags of `N` bytes (`W` words).
    fn tags_match_the_table_encoder<const N: usize, const W: usize>() {
        // Every sextet value in every position: tags of one repeated
        // byte (each byte value), and a generator for mixed tags.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut mixed = || {
            core::array::from_fn(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
        };
        // Under Miri, an interpreter, every 15th byte value and a few mixed tags.
        let (step, count) = if cfg!(miri) { (15, 20) } else { (1, 2000) };
        let tags = (0..=255u8)
            .step_by(step)
            .map(|b| [b; N])
            .chain((0..count).map(|_| mixed()));
        for tag in tags {
            let mut fast = [0u8; 44];
            let n = encode_tag(&words::<N, W>(&tag), &mut fast);
            let (table, m) = enc(&tag);
            assert_eq!(&fast[..n], &table[..m], "{tag:?}");
        }
    }

    #[test]
    fn sha256_and_sha1_tags_match_the_table_encoder() {
        tags_match_the_table_encoder::<32, 8>();
        tags_match_the_table_encoder::<20, 5>();
    }

    #[test]
    fn rfc4648_vector_as_a_tag() {
        // "foobar" (Zm9vYmFy) three times, then 2 bytes: three whole
        // groups, and the padded tail.
        let mut tag = [0u8; 20];
        tag[..18].copy_from_slice(b"foobarfoobarfoobar");
        tag[18..].copy_from_slice(b"fo");
        let mut out = [0u8; 44];
        let n = encode_tag(&words::<20, 5>(&tag), &mut out);
        assert_eq!(&out[..n], b"Zm9vYmFyZm9vYmFyZm9vYmFyZm8=");
    }
}
