//! Sorting and checking parameters: the in-place, indexed and merged runs.

use super::*;
extern crate std;
use std::string::ToString;

#[test]
fn sorts_by_unencoded_bytes_prefix_first() {
    let mut p = [
        ("ASINList.ASIN.2", ""),
        ("ASINList.ASIN.10", ""),
        ("ASINList.ASIN.1", ""),
        ("ASINList.ASIN.100", ""),
        ("ASINList.ASIN.11", ""),
        ("Action", ""),
        ("AWSAccessKeyId", ""),
    ];
    let mut index = ParamIndex::new();
    let indexed =
        SortedParams::sort_indexed(&p, &mut index).map(|s| s.canonical_query().to_string());
    let s = SortedParams::sort_in_place(&mut p).map(|s| s.canonical_query().to_string());
    // `S` < `W`, and uppercase < lowercase: bytes, not dictionary order.
    let expected = "ASINList.ASIN.1=&ASINList.ASIN.10=&ASINList.ASIN.100=&ASINList.ASIN.11=&ASINList.ASIN.2=&AWSAccessKeyId=&Action=";
    assert_eq!(s.as_deref(), Ok(expected));
    assert_eq!(indexed.as_deref(), Ok(expected));
}

#[test]
fn rejects_empty_names_before_duplicates() {
    let mut p = [("a", "1"), ("", "x"), ("a", "2")];
    assert_eq!(
        SortedParams::sort_in_place(&mut p).err(),
        Some(Error::EmptyParameterName)
    );
    let mut p = [("a", "1"), ("b", "x"), ("a", "2")];
    assert_eq!(
        SortedParams::sort_in_place(&mut p).err(),
        Some(Error::DuplicateParameter)
    );
    assert_eq!(
        SortedParams::from_sorted(&[("b", ""), ("a", "")]).err(),
        Some(Error::DuplicateParameter)
    );
}

#[test]
fn index_sort_handles_empty_and_short_names() {
    let mut index = ParamIndex::new();
    let p = [("b", ""), ("", "x"), ("a", "")];
    assert_eq!(
        SortedParams::sort_indexed(&p, &mut index).err(),
        Some(Error::EmptyParameterName)
    );
    let p = [
        ("Version", ""),
        ("Action", ""),
        ("A", ""),
        ("ActionX", ""),
        ("Actio", ""),
    ];
    let order: Option<std::vec::Vec<&str>> = SortedParams::sort_indexed(&p, &mut index)
        .ok()
        .map(|s| s.iter().map(|p| p.0).collect());
    assert_eq!(
        order,
        Some(std::vec!["A", "Actio", "Action", "ActionX", "Version"])
    );
}

#[test]
fn every_tier_of_with_sorted_sorts_and_checks() {
    // Around each tier's edge: the keys on the stack (32), the
    // out-of-line tiers of 256 keys and of a whole index.
    for n in [2, 32, 33, 256, 257, 300] {
        // Distinct names in a scrambled order (7919 is prime).
        let names: std::vec::Vec<std::string::String> = (0..n)
            .map(|i| std::format!("P{:03}", i * 7919 % n))
            .collect();
        let mut params: std::vec::Vec<Param<'_>> =
            names.iter().map(|name| (name.as_str(), "v")).collect();
        let got = with_sorted(&params, |s| Ok(s.canonical_query().to_string()));
        let expected =
            SortedParams::sort_in_place(&mut params).map(|s| s.canonical_query().to_string());
        assert_eq!(got, expected, "{n} parameters");
        // A duplicate is found in every tier.
        params[0] = params[n - 1];
        let duplicate = with_sorted(&params, |_| Ok(()));
        assert_eq!(duplicate, Err(Error::DuplicateParameter), "{n} parameters");
    }
}

#[test]
fn index_capacity_is_typed() {
    let many = [("x", ""); MAX_PARAMS + 1];
    let mut index = ParamIndex::new();
    assert_eq!(
        SortedParams::sort_indexed(&many, &mut index).err(),
        Some(Error::TooManyParameters)
    );
}

#[test]
fn merged_runs_read_in_order_and_reject_cross_duplicates() {
    let a = [("A", "1"), ("c", "3")];
    let b = [("B", "2"), ("d", "4")];
    let m = SortedParams::from_sorted(&a).and_then(|x| x.merge(SortedParams::from_sorted(&b)?));
    assert_eq!(
        m.map(|m| m.canonical_query().to_string()).as_deref(),
        Ok("A=1&B=2&c=3&d=4")
    );
    let c = [("c", "x")];
    let m = SortedParams::from_sorted(&a).and_then(|x| x.merge(SortedParams::from_sorted(&c)?));
    assert_eq!(m.err(), Some(Error::DuplicateParameter));
}

#[test]
fn get_finds_by_binary_search() {
    let mut p = [("c", "3"), ("a", "1"), ("b", "2")];
    let s = SortedParams::sort_in_place(&mut p);
    assert_eq!(
        s.map(|s| (s.get("a"), s.get("c"), s.get("d"))),
        Ok((Some("1"), Some("3"), None))
    );
}
