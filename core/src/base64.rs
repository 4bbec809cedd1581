//! Standard Base64 with padding, for MAC tags and MD5 digests.
//!
//! These values are public (they travel in the request), so a plain table
//! encoder is used rather than a constant-time one: it is several times
//! faster and the signature is on the hot path.

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
}
