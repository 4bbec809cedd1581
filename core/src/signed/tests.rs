//! Tests of the signed request: its counted lengths, and the
//! signature-only functions against it on both sides of the stack index's
//! limit.

use super::*;
extern crate std;
use crate::sink::measure;
use std::string::ToString;

/// Up to [`MAX_PARAMS`] the signature-only functions sort by an index on
/// the stack, beyond it in place (as a `SignedRequest` always does): on
/// both sides they agree with it, and find a duplicate.
#[test]
// Thousands of SHA-1 blocks in Miri's interpreter: minutes, and nothing
// `unsafe` to see (plain `cargo test` runs it).
#[cfg_attr(miri, ignore)]
fn signature_only_functions_agree_with_signed_request_past_the_index_limit() {
    use std::{format, string::String, vec::Vec};
    let Ok(signer) = Signer::from_name(b"key", "HmacSHA1") else {
        unreachable!("a valid key")
    };
    let (method, scheme, host, path) = ("POST", "https", "example.com", "/");
    let sign = |params: &mut [Param<'_>]| {
        let one_call = sign_request(b"key", "HmacSHA1", method, scheme, host, path, params);
        let pre_keyed = sign_request_with(&signer, method, scheme, host, path, params);
        assert_eq!(pre_keyed, one_call);
        one_call.map(|sig| sig.as_str().to_string())
    };
    for count in [MAX_PARAMS, MAX_PARAMS + 1] {
        let names: Vec<String> = (0..count).rev().map(|i| format!("P{i}")).collect();
        let given: Vec<Param<'_>> = names.iter().map(|n| (n.as_str(), "v w")).collect();
        let mut sorted = given.clone();
        let in_place =
            SignedRequest::new(b"key", "HmacSHA1", method, scheme, host, path, &mut sorted);
        let Ok(signed) = in_place else {
            unreachable!("{count} distinct names sign")
        };
        let expected = signed.signature().as_str().to_string();
        assert_eq!(sign(&mut given.clone()), Ok(expected), "{count}");
        let mut duplicated = given.clone();
        duplicated[0] = duplicated[count - 1];
        assert_eq!(
            sign(&mut duplicated),
            Err(Error::DuplicateParameter),
            "{count}"
        );
    }
}

#[test]
fn counted_lengths_equal_measured_ones() {
    // Empty, only a stale signature, plain, and values that need encoding
    // (escapes and multi-byte), across block edges of the MAC stream.
    let long = "x y/é".repeat(40);
    let lists: [&[Param<'_>]; 5] = [
        &[],
        &[("Signature", "stale")],
        &[("Action", "List"), ("Signature", "stale"), ("Version", "1")],
        &[("Note", "a+b=c&d ~ ü / ?"), ("***", "(')"), ("Long", &long)],
        &[("SignatureVersion", "2"), ("SignatureMethod", "HmacSHA1")],
    ];
    for list in lists {
        let mut params = list.to_vec();
        let Ok(signed) = SignedRequest::new(
            b"key",
            "HmacSHA1",
            "POST",
            "https",
            "Example.com",
            "/p",
            &mut params,
        ) else {
            unreachable!("signs")
        };
        let (query, signed_query) = (signed.canonical_query(), signed.signed_query());
        assert_eq!(query.len(), measure(|c| query.write_to(c)), "{list:?}");
        assert_eq!(query.len(), query.to_string().len(), "{list:?}");
        assert_eq!(
            signed_query.len(),
            measure(|c| signed_query.write_to(c)),
            "{list:?}"
        );
        assert_eq!(
            signed_query.len(),
            signed_query.to_string().len(),
            "{list:?}"
        );
    }
}
