//! Standard Base64 with padding, for MAC tags and MD5 digests.
//!
//! These values are public (they travel in the request), so a plain table
//! encoder is used rather than a constant-time one: it is several times
//! faster and the signature is on the hot path.

#[cfg(not(target_arch = "wasm32"))]
use wide::{i8x16, u8x16, u32x4};

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
/// for SHA-256, 5 for SHA-1), written to `out` in whole 16-byte pieces
/// (filler past the returned length); returns the length.
///
/// The tag is the last thing signing computes, so its encoding is on every
/// signature's latency. Each run of three words holds four 3-byte groups,
/// each cut out by the same shifts in every run; so vector `k` holds the
/// `k`-th group of each run, a transpose puts the groups in text order,
/// each group's four sextets are spread to a byte each, and 16 characters
/// are mapped to the alphabet at once by range compares (SSE2 has no byte
/// shuffle, which the usual vector Base64 needs). A SHA-256 tag takes 147
/// instructions; six 6-byte groups spread in 64-bit registers took 212
/// (signing `orders` 1–2% slower), the table encoder 270. Native only: the
/// wasm build keeps the one table encoder, for the module's size.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(crate) fn encode_tag<const W: usize>(words: &[u32; W], out: &mut [u8; 48]) -> usize {
    const { assert!(4 * W % 3 == 2 && W <= 8) };
    // Word `i` of each run of three, for the four runs (zero past the tag).
    let nth = |i: usize| {
        let word = |run: usize| words.get(3 * run + i).copied().unwrap_or(0);
        u32x4::new([word(0), word(1), word(2), word(3)])
    };
    let (first, second, third) = (nth(0), nth(1), nth(2));
    let groups = [
        first >> 8_u32,
        (first & u32x4::splat(0xFF)) << 16_u32 | second >> 16_u32,
        (second & u32x4::splat(0xFFFF)) << 8_u32 | third >> 24_u32,
        third & u32x4::splat(0xFF_FFFF),
    ];
    let rows = u32x4::transpose(groups);
    // 4 characters per 3 bytes. The tag ends in a group of 2 bytes (as
    // `4 * W % 3 == 2` says), whose fourth sextet is zero: set to -4, which
    // `alphabet` maps to `=`. So the padding comes with its piece's store;
    // a byte written over the piece afterwards would make a later 16-byte
    // load of it wait for both stores.
    let len = (4 * W).div_ceil(3) * 4;
    for (i, (row, dst)) in rows.iter().zip(out.chunks_exact_mut(16)).enumerate() {
        let mut lanes = [0u8; 16];
        for (bytes, lane) in lanes.chunks_exact_mut(4).zip(sextets(*row).to_array()) {
            bytes.copy_from_slice(&lane.to_le_bytes());
        }
        let mut marks = [0u8; 16];
        if i == (len - 1) / 16 {
            marks[(len - 1) % 16] = 0xFC;
        }
        let sextets = u8x16::new(lanes) | u8x16::new(marks);
        let ascii = alphabet(i8x16::new(sextets.to_array().map(u8::cast_signed))).to_array();
        dst.copy_from_slice(&ascii.map(i8::cast_unsigned));
    }
    len
}

/// The four sextets of each lane's 24 bits, most significant first, one
/// per byte from the lowest byte up.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn sextets(group: u32x4) -> u32x4 {
    group >> 18_u32
        | (group >> 4_u32) & u32x4::splat(0x3F00)
        | (group << 10_u32) & u32x4::splat(0x3F_0000)
        | (group << 24_u32) & u32x4::splat(0x3F00_0000)
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
            let mut fast = [0u8; 48];
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
        let mut out = [0u8; 48];
        let n = encode_tag(&words::<20, 5>(&tag), &mut out);
        assert_eq!(&out[..n], b"Zm9vYmFyZm9vYmFyZm9vYmFyZm8=");
    }
}
