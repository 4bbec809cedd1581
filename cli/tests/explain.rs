//! `mws-sign explain`: the stages with escapes marked, and the comparison
//! that names the line, parameter and rule where another signer differs.

mod support;

use support::fixtures::*;
use support::{TempDir, TestResult, run};

// ---------------------------------------------------------------- explain

fn explain_emr(
    key: &std::path::Path,
    extra: &[String],
) -> Result<support::Output, Box<dyn core::error::Error>> {
    let mut args = emr_args(key, "signature");
    args[0] = "explain".to_owned();
    // `explain` has no --output.
    let at = args.iter().position(|a| a == "--output").unwrap_or(0);
    args.drain(at..at + 2);
    args.extend(extra.iter().cloned());
    run(args)
}

#[test]
fn explain_shows_every_stage_with_the_escapes_marked() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", EMR_SECRET)?;
    let out = run([
        "explain".to_owned(),
        "--host=MWS.AmazonServices.com:443".to_owned(),
        "--path=/Products/2011-10-01".to_owned(),
        format!("--secret-key-file={}", key.display()),
        "Query=shoes & socks*".to_owned(),
        "Note=caf~".to_owned(),
    ])?;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(text.contains("Query=shoes%20%26%20socks%2A\n"), "{text}");
    assert!(
        text.contains("           ^^^^^^^^^     ^^^\n"),
        "carets under each %XY: {text}"
    );
    assert!(text.contains("space -> %20 (x2)"), "{text}");
    assert!(text.contains("'*' -> %2A"), "{text}");
    assert!(text.contains("'~' stays as is"), "{text}");
    assert!(text.contains("lowercased"), "{text}");
    assert!(
        text.contains("default port :443 of https dropped"),
        "{text}"
    );
    assert!(
        text.contains("  POST\\n\n  mws.amazonservices.com\\n\n  /Products/2011-10-01\\n\n  Note="),
        "{text}"
    );
    assert!(
        text.contains("--expect-string-to-sign"),
        "points to the comparison: {text}"
    );
    Ok(())
}

#[test]
fn explain_agrees_with_the_published_string_to_sign_and_signature() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", EMR_SECRET)?;
    let theirs = dir.file("theirs.txt", format!("{EMR_STRING_TO_SIGN}\n"))?;
    let out = explain_emr(
        &key,
        &[
            format!("--expect-string-to-sign={}", theirs.display()),
            format!("--expect-signature={EMR_SIGNATURE}"),
        ],
    )?;
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("SAME"), "{}", out.stdout);
    // The signature as sent in a URL is recognised too.
    let encoded = "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D";
    let out = explain_emr(&key, &[format!("--expect-signature={encoded}")])?;
    assert_eq!(out.code, 0, "{}", out.stdout);
    Ok(())
}

#[test]
fn explain_names_the_line_parameter_and_rule_that_differ() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", EMR_SECRET)?;
    let (head, query) = EMR_STRING_TO_SIGN.rsplit_once('\n').ok_or("sts")?;
    let cases: Vec<(String, &[&str])> = vec![
        // Form encoding of the ':' in Timestamp left out.
        (
            format!("{head}\n{}", query.replace("15%3A19%3A30", "15:19:30")),
            &[
                "query line",
                "Timestamp",
                "':' must be percent-encoded as %3A",
            ],
        ),
        // Lowercase hex.
        (
            format!("{head}\n{}", query.replace("%3A", "%3a")),
            &["Timestamp", "hex digits must be uppercase"],
        ),
        // Sorted case-insensitively: Action before AWSAccessKeyId.
        (
            format!(
                "{head}\nAction=DescribeJobFlows&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&{}",
                query
                    .split_once("&Action=DescribeJobFlows&")
                    .map(|x| x.1)
                    .unwrap_or_default()
            ),
            &["order", "uppercase letter sorts before every lowercase"],
        ),
        // A missing parameter.
        (
            format!("{head}\n{}", query.replace("&Version=2009-03-31", "")),
            &["theirs ends after 5 parameters", "only in ours: Version"],
        ),
        // Signature signed too.
        (
            format!("{head}\n{query}&Signature=abc"),
            &["Signature itself is never part of the string to sign"],
        ),
        // The default port kept.
        (
            EMR_STRING_TO_SIGN.replace("amazonaws.com\n", "amazonaws.com:443\n"),
            &["host line", "theirs keeps the port :443"],
        ),
        // Lowercase verb.
        (
            EMR_STRING_TO_SIGN.replacen("GET", "get", 1),
            &["verb line", "uppercase"],
        ),
        // CRLF line breaks.
        (EMR_STRING_TO_SIGN.replace('\n', "\r\n"), &["\\r\\n"]),
        // A different time.
        (
            EMR_STRING_TO_SIGN.replace("15%3A19%3A30", "15%3A19%3A31"),
            &["the values differ", "--timestamp"],
        ),
    ];
    for (i, (theirs, expected)) in cases.into_iter().enumerate() {
        let file = dir.file(&format!("theirs{i}"), &theirs)?;
        let out = explain_emr(
            &key,
            &[format!("--expect-string-to-sign={}", file.display())],
        )?;
        assert_eq!(out.code, 1, "case {i}: {}", out.stdout);
        let report = out.stdout.split("Compared with").nth(1).unwrap_or_default();
        for needle in expected {
            assert!(
                report.contains(needle),
                "case {i}: no {needle:?} in {report}"
            );
        }
        assert!(out.stdout.contains("DIFFERENT: the strings to sign differ"));
    }
    Ok(())
}

#[test]
fn explain_blames_key_or_algorithm_when_only_the_signature_differs() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "not the EMR secret")?;
    let theirs = dir.file("theirs.txt", EMR_STRING_TO_SIGN)?;
    let out = explain_emr(
        &key,
        &[
            format!("--expect-string-to-sign={}", theirs.display()),
            format!("--expect-signature={EMR_SIGNATURE}"),
        ],
    )?;
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("same     the whole string to sign"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("the secret key or the algorithm differs"),
        "{}",
        out.stdout
    );
    // A 28-character signature is HMAC-SHA1's.
    let out = explain_emr(
        &key,
        &["--expect-signature=AAAAAAAAAAAAAAAAAAAAAAAAAAA=".to_owned()],
    )?;
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("HmacSHA1"), "{}", out.stdout);
    Ok(())
}
