//! Tests of the sort: orders against plain byte comparison, ties, deep runs, the helpers.

use super::*;
extern crate std;
use std::vec::Vec;

/// Sorts `names` through the keys and checks the result against the
/// standard library's byte order, and its verdict against a plain scan
/// of that order (an empty name, then equal neighbours).
fn check(names: &[&[u8]]) {
    let mut keys = std::vec![0u64; names.len()];
    let verdict = sort_names(&mut keys, &|i| names[i]);
    let got: Vec<&[u8]> = keys.iter().map(|&k| names[position(k)]).collect();
    let mut expected = names.to_vec();
    expected.sort();
    assert_eq!(got, expected);
    let expected_verdict = if expected.first().is_some_and(|n| n.is_empty()) {
        Err(Error::EmptyParameterName)
    } else if expected.windows(2).any(|w| w[0] == w[1]) {
        Err(Error::DuplicateParameter)
    } else {
        Ok(())
    };
    assert_eq!(verdict, expected_verdict, "{names:?}");
}

/// `check` on `names`, then on `names` with one of them repeated (at the
/// front, the middle and the end of the list).
fn check_with_a_duplicate(names: &[&[u8]]) {
    check(names);
    for at in [0, names.len() / 2, names.len().saturating_sub(1)] {
        if let Some(&name) = names.get(at) {
            let mut with = names.to_vec();
            with.insert((at * 7) % with.len(), name);
            check(&with);
        }
    }
}

#[test]
fn orders_by_bytes_with_padding_ties_settled_by_length() {
    check(&[
        b"b",
        b"a",
        b"a\0",
        b"a\0\0\0\0\0",
        b"a\0\0\0\0",
        b"",
        b"\0",
        b"ab",
    ]);
    check(&[
        b"SignatureVersion",
        b"SignatureMethod",
        b"Signature",
        b"Action",
        b"AWSAccessKeyId",
    ]);
}

#[test]
fn long_shared_prefixes_and_deep_runs() {
    extern crate std;
    use std::format;
    let owned: Vec<std::string::String> = (0..300)
        .map(|i| format!("SellerSKUList.SellerSKU.{}", (i * 7919) % 301))
        .chain((0..40).map(|i| format!("{}{}", "x".repeat(i), "y")))
        .chain((0..40).map(|i| format!("{}{}", "ab".repeat(i % 20), i % 3)))
        .chain((1..41).map(|i| "\0".repeat(i)))
        .collect();
    let names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
    // The families alone (distinct names, deep runs, the heapsort
    // depth) and all together, each with a duplicate added. Under
    // Miri, an interpreter, one family of SKUs and the heapsort one.
    let mut families: Vec<&[&[u8]]> = names.chunks(40).collect();
    families.push(&names);
    if cfg!(miri) {
        families = std::vec![families[0], families[families.len() - 2]];
    }
    for family in families {
        let mut family = family.to_vec();
        family.sort();
        family.dedup();
        check_with_a_duplicate(&family);
    }
    check(&names);
}

#[test]
fn random_names_over_a_small_alphabet() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let rounds = if cfg!(miri) { 3 } else { 200 };
    for round in 0..rounds {
        let n = 1 + round % 80;
        let mut owned = Vec::new();
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize;
            owned.push(
                (0..len)
                    .map(|k| b"\0aAb"[((seed >> (2 * k + 8)) & 3) as usize])
                    .collect::<Vec<u8>>(),
            );
        }
        let names: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
        check(&names);
        // Without empty names and duplicates too, so every verdict occurs.
        let mut distinct: Vec<&[u8]> = names.into_iter().filter(|n| !n.is_empty()).collect();
        distinct.sort();
        distinct.dedup();
        distinct.reverse();
        check_with_a_duplicate(&distinct);
    }
}

#[test]
fn names_that_first_differ_at_each_byte() {
    // Each sorting path has its key width (four and seven bytes) and
    // re-keys past shared prefixes: a difference at every position from 0
    // to 19, among a few names and among many.
    use std::format;
    for at in 0..20 {
        let shared = "S".repeat(at);
        let few: Vec<std::string::String> = ["b", "a", "c", "a\0", "\0"]
            .iter()
            .flat_map(|c| [format!("{shared}{c}"), format!("{shared}{c}z")])
            .collect();
        let many: Vec<std::string::String> = few
            .iter()
            .cloned()
            .chain((0..20).map(|i| format!("{shared}q{i}")))
            .collect();
        for owned in [few, many] {
            let names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
            check_with_a_duplicate(&names);
        }
    }
}

#[test]
fn common_prefix_counts_equal_leading_bytes() {
    let text: Vec<u8> = (0..40u8).collect();
    // Under Miri, an interpreter, every third length and position.
    let step = if cfg!(miri) { 3 } else { 1 };
    for len_a in (0..=36).step_by(step) {
        for len_b in (0..=36).step_by(step) {
            for differ_at in (0..=36).step_by(step) {
                let a = &text[..len_a];
                let mut b = text[..len_b].to_vec();
                if let Some(byte) = b.get_mut(differ_at) {
                    *byte ^= 0x80;
                }
                let expected = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
                assert_eq!(
                    common_prefix(a, &b),
                    expected,
                    "{len_a} {len_b} {differ_at}"
                );
            }
        }
    }
}

#[test]
fn heapsort_and_insertion_sort_sort() {
    let mut seed = 12345u64;
    for n in [0usize, 1, 2, 3, 17, 100] {
        let mut v: Vec<u32> = (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                (seed >> 40) as u32 % 50
            })
            .collect();
        let mut w = v.clone();
        let mut expected = v.clone();
        expected.sort();
        heapsort_by(&mut v, |a, b| a.cmp(b));
        insertion_sort_by(&mut w, |a, b| a.cmp(b));
        assert_eq!(v, expected);
        assert_eq!(w, expected);
    }
}

#[test]
fn apply_order_permutes_in_place() {
    let mut items = [10, 11, 12, 13, 14];
    // High halves as a sort leaves them (key bytes), including bit 63.
    let mut keys = [3u64 | 1 << 63, 0, 4 | 7 << 40, 1, 2 | 1 << 63];
    apply_order(&mut items, &mut keys);
    assert_eq!(items, [13, 10, 14, 11, 12]);
}
