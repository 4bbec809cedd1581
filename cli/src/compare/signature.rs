//! The last stage: two signatures, and what their difference means.

use super::{Report, encoding};
use crate::request::Stages;

/// Compares our signature with `given`. `strings_equal` tells whether the
/// strings to sign were compared and found equal (`None`: not compared).
pub fn signature(stages: &Stages, given: &str, strings_equal: Option<bool>) -> Report {
    let mut report = Report::default();
    let ours = stages.signature.as_str();
    let theirs = given.trim();
    if theirs == ours {
        report.same(format!("signature   {ours}"));
        return report;
    }
    if theirs.contains('%')
        && let Some(decoded) = encoding::decode(theirs).filter(|d| d == ours)
    {
        report.same(format!("signature   {decoded}"));
        report.detail("(theirs was given URL-encoded, as it is sent: %2B %2F %3D)");
        return report;
    }
    report.differ(format!("signature   ours {ours}, theirs {theirs}"));
    if theirs.replace(' ', "+") == ours {
        report.detail(
            "theirs has spaces where ours has '+': a '+' was decoded as a space; send it as %2B (S10)",
        );
        return report;
    }
    let algorithm = |len: usize| match len {
        28 => Some("HmacSHA1"),
        44 => Some("HmacSHA256"),
        _ => None,
    };
    match (algorithm(ours.len()), algorithm(theirs.len())) {
        (Some(a), Some(b)) if a != b => {
            report.detail(format!(
                "theirs has the length of an {b} signature, ours is {a}: the algorithms differ \
                 (--signature-method, and the SignatureMethod parameter)"
            ));
        }
        (_, None) => report.detail(format!(
            "theirs is {} characters long; a Base64 HMAC-SHA256 signature has 44, HMAC-SHA1 28",
            theirs.chars().count()
        )),
        _ => {}
    }
    match strings_equal {
        Some(true) => {
            report.detail(
                "the strings to sign are equal, so the secret key or the algorithm differs: \
                 check that the key belongs to this Access Key ID and has no stray space or newline",
            );
            if stages.secret_has_edge_whitespace {
                report.detail("note: the secret key given here starts or ends with whitespace, and is used as is");
            }
        }
        Some(false) => report.detail("expected: the strings to sign already differ (see above)"),
        None => report.detail(
            "to find the stage that differs, give theirs with --expect-string-to-sign FILE",
        ),
    }
    report
}
