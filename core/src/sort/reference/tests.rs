//! Tests of the reference-key sort: the window reads against a byte loop,
//! and whole sorts where names differ inside, at the edge of and beyond
//! the window, or share more than a key holds.

use super::*;
use crate::Error;
use crate::sort::{position, sort_names};
extern crate std;
use std::format;
use std::string::String;
use std::vec::Vec;

/// Byte `i` of `name`, zero past its end.
fn padded(name: &[u8], i: usize) -> u8 {
    name.get(i).copied().unwrap_or(0)
}

#[test]
fn a_window_is_the_first_32_bytes_zero_padded() {
    let text: Vec<u8> = (1..=40).collect();
    for len in 0..=40 {
        let name = &text[..len];
        let bytes = Window::of(name).bytes();
        let expected: Vec<u8> = (0..32).map(|i| padded(name, i)).collect();
        assert_eq!(bytes.as_slice(), expected.as_slice(), "{len} bytes");
        for at in 0..32 {
            let word = Window::of(name).bytes_from(at).to_le_bytes();
            let expected: Vec<u8> = (at..at + 8)
                .map(|i| if i < 32 { padded(name, i) } else { 0 })
                .collect();
            assert_eq!(
                word.as_slice(),
                expected.as_slice(),
                "{len} bytes from {at}"
            );
        }
    }
}

#[test]
fn the_first_difference_is_the_first_unequal_padded_byte() {
    let base: Vec<u8> = (1..=40).collect();
    for len in [0, 5, 15, 16, 17, 31, 32, 40] {
        for at in 0..34 {
            let mut other = base[..len].to_vec();
            if at < len {
                other[at] ^= 0x80;
            } else {
                other.resize(at + 1, 0);
                other[at] = 7;
            }
            let a = Window::of(&base[..len]);
            let expected = (at < 32).then_some(at);
            assert_eq!(
                a.first_difference(Window::of(&other)),
                expected,
                "{len} {at}"
            );
        }
    }
}

/// Sorts `names` (more than `SMALL_RUN`, so through this sort) and checks
/// the order against the standard library's and the verdict against a scan.
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
    assert_eq!(verdict, expected_verdict);
}

#[test]
fn names_that_differ_from_the_reference_anywhere() {
    // The reference is the middle name. Names around it differ from it at
    // every byte up to 40 (inside the window, at its edge, beyond it),
    // below and above, shorter and longer, with zero bytes at the ends.
    let step = if cfg!(miri) { 7 } else { 1 };
    for shared in (0..40).step_by(step) {
        let stem = "k".repeat(shared);
        let mut owned: Vec<String> = Vec::new();
        for tail in [
            "", "\0", "\0\0", "a", "a\0", "j", "l", "z", "jjjjjjj", "lz", "\u{7f}",
        ] {
            owned.push(format!("{stem}{tail}"));
            owned.push(format!("{stem}k{tail}"));
            owned.push(format!("{}{tail}", &stem[..shared / 2]));
        }
        owned.sort();
        owned.dedup();
        let mut names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
        // Shuffled, so the reference is not always the same kind of name.
        for reference_at in [0, 7, 19] {
            let turn = reference_at % names.len();
            names.rotate_left(turn);
            check(&names);
            let mut with_twin = names.clone();
            with_twin.push(names[names.len() / 2]);
            check(&with_twin);
        }
    }
}

#[test]
fn lists_it_does_not_take_are_sorted_the_other_way() {
    // Names sharing more than a key's length field holds, and more names
    // than a key's position field holds: both fall back, both sort.
    let long = "x".repeat(LONGEST + 10);
    let owned: Vec<String> = (0..20).map(|i| format!("{long}{}", 19 - i)).collect();
    let names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
    check(&names);
    let count = if cfg!(miri) { 0 } else { 1100 };
    let owned: Vec<String> = (0..count)
        .map(|i| format!("Item.{}", (i * 7) % count))
        .collect();
    let names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
    check(&names);
}

#[test]
fn a_group_equal_to_the_reference_up_to_padding_is_settled_by_length() {
    // Twenty names that are all the same padded (the reference among them)
    // and some around: the group equal to the reference is refined by
    // comparing names, whose lengths order them.
    let owned: Vec<String> = (0..20)
        .map(|i| format!("same{}", "\0".repeat(i)))
        .chain(["samd", "samf", "same\u{1}", "sam"].map(String::from))
        .collect();
    let names: Vec<&[u8]> = owned.iter().map(|s| s.as_bytes()).collect();
    check(&names);
}

#[test]
fn word_at_reads_eight_padded_bytes_anywhere() {
    let text: Vec<u8> = (1..=40).collect();
    for len in 0..=40 {
        let name = &text[..len];
        for at in 0..=40 {
            let expected: Vec<u8> = (at..at + 8).map(|i| padded(name, i)).collect();
            assert_eq!(
                word_at(name, at).to_le_bytes().as_slice(),
                expected.as_slice(),
                "{len} bytes from {at}"
            );
        }
    }
}
