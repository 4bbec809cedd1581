//! The `mws-sign` binary: the worked example, help, `sign`, `md5` and `vectors`.
//!
//! Expected signatures never come from this code: they are published
//! vectors (`tests/vectors/*.json`, computed by the independent Python
//! reference `tests/reference/mws_reference.py` or copied from AWS's
//! documentation), or values computed once with that reference and pasted
//! here with the command that computed them (see `support/fixtures.rs`).

mod support;

use serde_json::Value;
use support::fixtures::*;
use support::{Cmd, TempDir, TestResult, field, run, vector_file, vectors};

// ---------------------------------------------------------------- example, help

#[test]
fn no_arguments_show_the_worked_example_with_the_reference_signature() -> TestResult {
    let out = run::<&str>([])?;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(text.contains(EXAMPLE_SIGNATURE), "{text}");
    assert!(
        text.contains("POST\\n\n"),
        "line breaks made visible: {text}"
    );
    assert!(text.contains("   /Orders/2013-09-01\\n\n"));
    assert!(text.contains(
        "AWSAccessKeyId=022QF0EXAMPLEH9DHM02&Action=ListOrders&CreatedAfter=2020-05-01T00%3A00%3A00Z"
    ));
    assert!(text.contains("&Signature=uMZ7FS%2FIm0%2BgdbA5rXf5J%2FT9%2Fpr1u04f%2F0OozSwPjQw%3D"));
    assert!(text.contains("https://mws.amazonservices.com/Orders/2013-09-01"));
    // Sorted parameters come before the canonical query, and the last line points onward.
    let sorted = text.find("   AWSAccessKeyId      022QF0EXAMPLEH9DHM02");
    let query = text.find("   AWSAccessKeyId=");
    assert!(sorted.is_some() && sorted < query, "{text}");
    let last = text.trim_end().lines().last().unwrap_or_default();
    assert!(last.contains("mws-sign explain --help"), "{last}");
    assert!(text.contains("mws-sign sign --help"));
    assert_eq!(run(["example"])?.stdout, out.stdout);
    Ok(())
}

#[test]
fn help_describes_the_tool_its_examples_and_exit_codes() -> TestResult {
    let top = run(["--help"])?;
    assert_eq!(top.code, 0);
    assert!(top.stdout.contains("AWS Signature Version 2"));
    for code in [
        "0  success",
        "1  a negative answer",
        "2  usage error",
        "3  invalid input",
        "4  I/O error",
    ] {
        assert!(top.stdout.contains(code), "{code} missing from --help");
    }
    for command in ["sign", "explain", "verify", "md5", "vectors"] {
        let help = run([command, "--help"])?;
        assert_eq!(help.code, 0, "{command}");
        assert!(
            help.stdout.contains("Examples:"),
            "{command} --help has no examples"
        );
        assert!(
            help.stdout.contains("Exit codes:"),
            "{command} --help has no exit codes"
        );
    }
    Ok(())
}

#[test]
fn no_option_takes_the_secret_itself() -> TestResult {
    for command in ["sign", "explain", "verify"] {
        let help = run([command, "--help"])?.stdout;
        for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
            let option = line.split_whitespace().next().unwrap_or_default();
            assert!(
                !option.contains("secret") || option == "--secret-key-file",
                "{command}: {option}"
            );
        }
    }
    let out = run(["sign", "--host", "h", "--secret-key", "x"])?;
    assert_eq!(out.code, 2);
    Ok(())
}

// ---------------------------------------------------------------- sign

#[test]
fn sign_reproduces_the_published_emr_vector_in_every_output() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key.txt", format!("{EMR_SECRET}\n"))?;
    let out = run(emr_args(&key, "signature"))?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, EMR_SIGNATURE),
        "{}",
        out.stderr
    );

    let sts = run(emr_args(&key, "string-to-sign"))?;
    assert_eq!(sts.stdout, format!("{EMR_STRING_TO_SIGN}\n"));
    let canonical = run(emr_args(&key, "canonical-query"))?;
    assert_eq!(
        canonical.stdout.trim(),
        EMR_STRING_TO_SIGN.rsplit('\n').next().unwrap_or_default()
    );
    let signed = run(emr_args(&key, "signed-query"))?;
    assert!(
        signed
            .stdout
            .trim()
            .ends_with("&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D")
    );
    let url = run(emr_args(&key, "url"))?;
    assert!(
        url.stdout
            .starts_with("https://elasticmapreduce.amazonaws.com/?AWSAccessKeyId=")
    );
    assert!(url.stdout.trim().ends_with(signed.stdout.trim()));

    let json: Value = serde_json::from_str(&run(emr_args(&key, "json"))?.stdout)?;
    assert_eq!(field(&json, "method")?, "GET");
    assert_eq!(field(&json, "host")?, "elasticmapreduce.amazonaws.com");
    assert_eq!(field(&json, "path")?, "/");
    assert_eq!(field(&json, "string_to_sign")?, EMR_STRING_TO_SIGN);
    assert_eq!(field(&json, "signature")?, EMR_SIGNATURE);
    assert_eq!(field(&json, "signed_query")?, signed.stdout.trim());
    assert_eq!(field(&json, "url")?, url.stdout.trim());

    let curl = run(emr_args(&key, "curl"))?.stdout;
    assert!(curl.starts_with("curl "), "{curl}");
    assert!(
        curl.contains(&format!("'{}'", url.stdout.trim())),
        "GET: the query is in the URL: {curl}"
    );
    assert!(curl.contains("User-Agent: mws-sign/"));
    Ok(())
}

#[test]
fn sign_an_mws_call_with_the_builder() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", EXAMPLE_SECRET)?;
    let out = run(core::iter::once("sign".to_owned()).chain(example_call(&key)))?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, EXAMPLE_SIGNATURE),
        "{}",
        out.stderr
    );

    // With an MWSAuthToken and HMAC-SHA1; computed with the Python reference as
    // EXAMPLE_SIGNATURE above, with SignatureMethod=HmacSHA1 and
    // ('MWSAuthToken', 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE') added.
    let mut args = vec!["sign".to_owned()];
    args.extend(example_call(&key));
    args.extend(
        [
            "--auth-token",
            "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE",
            "--signature-method",
            "HmacSHA1",
        ]
        .map(str::to_owned),
    );
    let out = run(&args)?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, "04bWNsr6SDub9S8QV95wdz6OA44="),
        "{}",
        out.stderr
    );

    // POST body with the form Content-Type in the curl command.
    let curl = run(with(
        core::iter::once("sign".to_owned())
            .chain(example_call(&key))
            .collect(),
        &["--output", "curl"],
    ))?
    .stdout;
    assert!(
        curl.contains("'https://mws.amazonservices.com/Orders/2013-09-01'"),
        "{curl}"
    );
    assert!(curl.contains("Content-Type: application/x-www-form-urlencoded; charset=utf-8"));
    assert!(curl.contains("--data-binary 'AWSAccessKeyId=022QF0EXAMPLEH9DHM02&Action=ListOrders&"));
    assert!(curl.contains("&Signature=uMZ7FS%2FIm0%2BgdbA5rXf5J%2FT9%2Fpr1u04f%2F0OozSwPjQw%3D'"));
    Ok(())
}

#[test]
fn sign_a_feed_signs_its_content_md5_and_sends_the_query_in_the_url() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", EXAMPLE_SECRET)?;
    let feed = dir.file("feed.xml", "mws")?;
    let base = |output: &str| {
        vec![
            "sign".to_owned(),
            "--marketplace=DE".to_owned(),
            "--section=Feeds".to_owned(),
            "--action=SubmitFeed".to_owned(),
            format!("--access-key-id={EXAMPLE_KEY_ID}"),
            "--seller-id=A1B2C3D4E5F6G7".to_owned(),
            "--timestamp=2020-06-01T12:34:56.000Z".to_owned(),
            format!("--secret-key-file={}", key.display()),
            format!("--feed={}", feed.display()),
            format!("--output={output}"),
            "FeedType=_POST_PRODUCT_DATA_".to_owned(),
        ]
    };
    // Python reference: r.sign(EXAMPLE_SECRET, 'HmacSHA256', 'POST', 'https',
    // 'mws-eu.amazonservices.com', '/', [AWSAccessKeyId, Action=SubmitFeed,
    // Merchant=A1B2C3D4E5F6G7, SignatureMethod, SignatureVersion=2, Timestamp,
    // Version=2009-01-01, ('ContentMD5Value', r.content_md5(b'mws')),
    // ('FeedType', '_POST_PRODUCT_DATA_')])
    let out = run(base("signature"))?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, "KqlzWbDlpaWxIPTsxh1VhaP+lETkx0CE98GllO3sDUY="),
        "{}",
        out.stderr
    );
    let url = run(base("url"))?.stdout;
    assert!(
        url.starts_with("https://mws-eu.amazonservices.com/?AWSAccessKeyId="),
        "{url}"
    );
    assert!(url.contains(
        "&ContentMD5Value=mA5nPbh1CSx9M3dbkr3Cyg%3D%3D&FeedType=_POST_PRODUCT_DATA_&Merchant="
    ));
    let curl = run(base("curl"))?.stdout;
    assert!(
        curl.contains(&format!("--data-binary '@{}'", feed.display())),
        "{curl}"
    );
    assert!(curl.contains(&format!("'{}'", url.trim())));
    let json: Value = serde_json::from_str(&run(base("json"))?.stdout)?;
    assert_eq!(field(&json, "content_md5")?, "mA5nPbh1CSx9M3dbkr3Cyg==");
    Ok(())
}

/// `Item.0=value 0 *` … `Item.9999=value 9999 *`.
fn ten_thousand() -> Vec<String> {
    (0..10_000)
        .map(|i| format!("Item.{i}=value {i} *"))
        .collect()
}

/// Python reference: r.sign('CANARY-s3cr3t-Zq9xK7', 'HmacSHA256', 'POST', 'https',
/// 'example.com', '/', [('Item.%d' % i, 'value %d *' % i) for i in range(10000)])['signature']
const TEN_THOUSAND_SIGNATURE: &str = "IVBjwhXmhBWnh1WPOIhfBSjjoQvdyO2B+SbEyV7BFY4=";

#[test]
fn sign_ten_thousand_parameters_from_a_file_and_from_arguments() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "CANARY-s3cr3t-Zq9xK7")?;
    let params = dir.file("params.txt", ten_thousand().join("\n") + "\n")?;
    let out = run([
        "sign".to_owned(),
        "--host=example.com".to_owned(),
        format!("--secret-key-file={}", key.display()),
        format!("--params-file={}", params.display()),
    ])?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, TEN_THOUSAND_SIGNATURE),
        "{}",
        out.stderr
    );

    let mut args = vec![
        "sign".to_owned(),
        "--host=example.com".to_owned(),
        format!("--secret-key-file={}", key.display()),
        "--".to_owned(),
    ];
    args.extend(ten_thousand());
    let out = run(args)?;
    assert_eq!(
        (out.code, out.stdout.trim()),
        (0, TEN_THOUSAND_SIGNATURE),
        "{}",
        out.stderr
    );
    Ok(())
}

#[test]
fn the_secret_comes_from_a_file_the_environment_or_stdin() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", format!("{EMR_SECRET}\r\n"))?;
    let from_file = run(emr_args(&key, "signature"))?;
    assert_eq!(
        from_file.stdout.trim(),
        EMR_SIGNATURE,
        "{}",
        from_file.stderr
    );

    let without_file = |args: Vec<String>| -> Vec<String> {
        let mut out = Vec::new();
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
            } else if a == "--secret-key-file" {
                skip = true;
            } else {
                out.push(a);
            }
        }
        out
    };
    let from_env = Cmd::new(without_file(emr_args(&key, "signature")))
        .env("MWS_SECRET_KEY", EMR_SECRET)
        .run()?;
    assert_eq!(from_env.stdout.trim(), EMR_SIGNATURE, "{}", from_env.stderr);
    let from_stdin = Cmd::new(without_file(emr_args(&key, "signature")))
        .stdin(format!("{EMR_SECRET}\n"))
        .run()?;
    assert_eq!(
        from_stdin.stdout.trim(),
        EMR_SIGNATURE,
        "{}",
        from_stdin.stderr
    );
    let dash = Cmd::new(with(
        without_file(emr_args(&key, "signature")),
        &["--secret-key-file", "-"],
    ))
    .stdin(EMR_SECRET)
    .run()?;
    assert_eq!(dash.stdout.trim(), EMR_SIGNATURE, "{}", dash.stderr);
    Ok(())
}

// ---------------------------------------------------------------- md5

#[test]
fn md5_of_a_file_and_of_stdin() -> TestResult {
    let dir = TempDir::new()?;
    // The published value for the body "mws" (tests/vectors/published.json).
    let small = dir.file("small", "mws")?;
    let out = run(["md5".to_owned(), small.display().to_string()])?;
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "mA5nPbh1CSx9M3dbkr3Cyg==\n")
    );
    let out = Cmd::new(["md5", "-"]).stdin("mws").run()?;
    assert_eq!(out.stdout, "mA5nPbh1CSx9M3dbkr3Cyg==\n");
    // Several 64 KiB chunks; python3 -c "import hashlib, base64; body = bytes((i * 7 + 3) % 256
    // for i in range(200000)); print(base64.b64encode(hashlib.md5(body).digest()).decode())"
    let body: Vec<u8> = (0..200_000u32).map(|i| ((i * 7 + 3) % 256) as u8).collect();
    let large = dir.file("large", &body)?;
    let out = run(["md5".to_owned(), large.display().to_string()])?;
    assert_eq!(out.stdout, "1/AjR+n9GNW0huhkqdN8CA==\n");
    // The empty body: RFC 1321's MD5("") in Base64.
    let out = Cmd::new(["md5", "-"]).run()?;
    assert_eq!(out.stdout, "1B2M2Y8AsgTpgAmY7PhCfg==\n");
    Ok(())
}

// ---------------------------------------------------------------- vectors

#[test]
fn vectors_pass_on_the_published_file() -> TestResult {
    let out = run([
        "vectors".to_owned(),
        vector_file("published.json").display().to_string(),
    ])?;
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let last = out.stdout.lines().last().unwrap_or_default();
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
    assert!(!last.starts_with("0 passed"));
    let all: Vec<String> = [
        "published.json",
        "signing.json",
        "reject.json",
        "verify.json",
        "timestamps.json",
    ]
    .iter()
    .map(|f| vector_file(f).display().to_string())
    .collect();
    let out = run(core::iter::once("vectors".to_owned()).chain(all))?;
    assert_eq!(out.code, 0, "{}", out.stdout);
    Ok(())
}

#[test]
fn vectors_report_failures_and_exit_1() -> TestResult {
    let dir = TempDir::new()?;
    let mut doc = vectors("published.json")?;
    doc["sign"][0]["signature"] = "wrong".into();
    let mutated = dir.file("mutated.json", doc.to_string())?;
    let out = run(["vectors".to_owned(), mutated.display().to_string()])?;
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l.contains("signature differs")),
        "{}",
        out.stdout
    );
    let last = lines.last().copied().unwrap_or_default();
    assert!(last.ends_with(" passed, 1 failed"), "{last}");

    let none = run(["vectors"])?;
    assert_eq!(
        (none.code, none.stdout.as_str()),
        (1, "0 passed, 1 failed\n")
    );
    let missing = run([
        "vectors".to_owned(),
        dir.path("nope.json").display().to_string(),
    ])?;
    assert_eq!(missing.code, 1);
    assert!(
        missing.stdout.ends_with("0 passed, 1 failed\n"),
        "{}",
        missing.stdout
    );
    Ok(())
}
