//! The S3 order of parameter names: the raw bytes of the unencoded names,
//! compared without calling `memcmp` (sorting compares short names
//! n·log n times, and a library call costs more than the comparison).

use core::cmp::Ordering;

/// Byte-wise comparison, eight bytes at a time and inlined: sorting calls
/// it ~n·log n times on short names, where a `memcmp` call costs more than
/// the comparison itself.
///
/// The bytes past the last whole common word are compared one by one: a
/// zero-padded word of each (one comparison instead of a loop) was measured
/// slower from Python, where the padding's length branches are cold.
#[inline]
pub(crate) fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    let common = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= common {
        let (mut x, mut y) = ([0u8; 8], [0u8; 8]);
        x.copy_from_slice(&a[i..i + 8]);
        y.copy_from_slice(&b[i..i + 8]);
        if x != y {
            return u64::from_be_bytes(x).cmp(&u64::from_be_bytes(y));
        }
        i += 8;
    }
    for (x, y) in a[i..common].iter().zip(&b[i..common]) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;

    #[test]
    fn agrees_with_the_slice_order_on_every_short_pair() {
        // Every pair of texts of up to 3 bytes (Miri, an interpreter: 2)
        // over bytes that matter for the order (0, 1, a letter, 0xFF),
        // alone and after stems that cross a word edge.
        let alphabet = [0u8, 1, b'a', 0xFF];
        let max_len = if cfg!(miri) { 2 } else { 3 };
        let mut tails = std::vec::Vec::new();
        for len in 0..=max_len {
            for mut n in 0..alphabet.len().pow(len) {
                let mut t = std::vec::Vec::new();
                for _ in 0..len {
                    t.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                tails.push(t);
            }
        }
        for stem in [&b""[..], b"Signature", b"SellerSKUList.SellerSKU."] {
            let texts: std::vec::Vec<std::vec::Vec<u8>> =
                tails.iter().map(|t| [stem, t].concat()).collect();
            for a in &texts {
                for b in &texts {
                    assert_eq!(cmp_bytes(a, b), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }
}
