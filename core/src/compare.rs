//! The S3 order of parameter names: the raw bytes of the unencoded names,
//! compared without calling `memcmp` (sorting compares short names
//! n·log n times, and a library call costs more than the comparison).

use core::cmp::Ordering;

/// Byte-wise comparison, eight bytes at a time and inlined: sorting calls
/// it ~n·log n times on short names, where a `memcmp` call costs more than
/// the comparison itself.
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
