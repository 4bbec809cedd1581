//! `mws-sign verify`: every verify vector, keys from files and the
//! environment, the query inline or on standard input, and exit codes.

mod support;

use serde_json::Value;
use support::{Cmd, TempDir, TestResult, field, run, vectors};

// ---------------------------------------------------------------- verify

#[test]
fn verify_decides_every_verify_vector() -> TestResult {
    let dir = TempDir::new()?;
    let doc = vectors("verify.json")?;
    let cases = doc["verify"].as_array().ok_or("verify")?;
    assert!(cases.len() > 50);
    for (i, case) in cases.iter().enumerate() {
        let name = field(case, "name")?;
        let keys: String = case["access_keys"]
            .as_object()
            .ok_or("access_keys")?
            .iter()
            .map(|(id, secret)| {
                format!(
                    "# key of {name}\n{id} {}\n",
                    secret.as_str().unwrap_or_default()
                )
            })
            .collect();
        let keys = dir.file(&format!("keys{i}"), keys)?;
        let query = dir.file(&format!("query{i}"), field(case, "query")?)?;
        let out = run([
            "verify".to_owned(),
            format!("--method={}", field(case, "method")?),
            format!("--scheme={}", field(case, "scheme")?),
            format!("--host={}", field(case, "host")?),
            format!("--path={}", field(case, "path")?),
            format!("--query-file={}", query.display()),
            format!("--keys-file={}", keys.display()),
            format!("--now={}", field(case, "now")?),
            format!("--window-seconds={}", case["window_seconds"]),
        ])?;
        match field(case, "result")? {
            "ok" => {
                assert_eq!(out.code, 0, "{name}: {}{}", out.stdout, out.stderr);
                assert!(out.stdout.starts_with("ok "), "{name}: {}", out.stdout);
            }
            kind => {
                assert_eq!(out.code, 1, "{name}: {}{}", out.stdout, out.stderr);
                assert!(
                    out.stdout.starts_with(&format!("{kind}: ")),
                    "{name}: {}",
                    out.stdout
                );
            }
        }
    }
    Ok(())
}

/// verify_ok_sha256_post of tests/vectors/verify.json.
fn ok_case() -> Result<Value, Box<dyn core::error::Error>> {
    let doc = vectors("verify.json")?;
    doc["verify"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "verify_ok_sha256_post"))
        .cloned()
        .ok_or_else(|| "case verify_ok_sha256_post".into())
}

#[test]
fn verify_with_keys_from_the_environment_and_the_query_inline_or_on_stdin() -> TestResult {
    let case = ok_case()?;
    let secret = case["access_keys"]["AKIAIOSFODNN7EXAMPLE"]
        .as_str()
        .ok_or("secret")?;
    let base = [
        "verify".to_owned(),
        "--host=mws.amazonservices.com".to_owned(),
        "--path=/Orders/2013-09-01".to_owned(),
        format!("--now={}", field(&case, "now")?),
    ];
    let inline = Cmd::new(
        base.iter()
            .cloned()
            .chain([format!("--query={}", field(&case, "query")?)]),
    )
    .env("MWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    .env("MWS_SECRET_KEY", secret)
    .run()?;
    assert_eq!(
        (inline.code, inline.stdout.as_str()),
        (0, "ok AKIAIOSFODNN7EXAMPLE\n"),
        "{}",
        inline.stderr
    );
    let piped = Cmd::new(base.iter().cloned().chain(["--query-file=-".to_owned()]))
        .env("MWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("MWS_SECRET_KEY", secret)
        .stdin(format!("{}\n", field(&case, "query")?))
        .run()?;
    assert_eq!(
        piped.stdout, "ok AKIAIOSFODNN7EXAMPLE\n",
        "{}",
        piped.stderr
    );
    // Twenty minutes later the same request has expired.
    let late = Cmd::new(base.iter().take(3).cloned().chain([
        "--now=2020-06-01T12:20:00Z".to_owned(),
        format!("--query={}", field(&case, "query")?),
    ]))
    .env("MWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    .env("MWS_SECRET_KEY", secret)
    .run()?;
    assert_eq!(late.code, 1);
    assert!(
        late.stdout.starts_with("RequestExpired: "),
        "{}",
        late.stdout
    );
    // A wider window accepts it.
    let wide = Cmd::new(base.iter().take(3).cloned().chain([
        "--now=2020-06-01T12:20:00Z".to_owned(),
        "--window-seconds=1800".to_owned(),
        format!("--query={}", field(&case, "query")?),
    ]))
    .env("MWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    .env("MWS_SECRET_KEY", secret)
    .run()?;
    assert_eq!(wide.code, 0, "{}", wide.stdout);
    Ok(())
}

#[test]
fn verify_a_request_just_signed_against_the_system_clock() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "round-trip-secret")?;
    let body = run([
        "sign".to_owned(),
        "--host=localhost:8080".to_owned(),
        "--scheme=http".to_owned(),
        "--section=Sellers".to_owned(),
        "--action=GetServiceStatus".to_owned(),
        "--access-key-id=AKIDROUNDTRIP".to_owned(),
        "--seller-id=SELLER".to_owned(),
        format!("--secret-key-file={}", key.display()),
        "--output=signed-query".to_owned(),
    ])?;
    assert_eq!(body.code, 0, "{}", body.stderr);
    let keys = dir.file("keys", "AKIDROUNDTRIP round-trip-secret\n")?;
    let verify = |query: &str| {
        run([
            "verify".to_owned(),
            "--scheme=http".to_owned(),
            "--host=localhost:8080".to_owned(),
            "--path=/Sellers/2011-07-01".to_owned(),
            format!("--query={query}"),
            format!("--keys-file={}", keys.display()),
        ])
    };
    let ok = verify(body.stdout.trim())?;
    assert_eq!(
        (ok.code, ok.stdout.as_str()),
        (0, "ok AKIDROUNDTRIP\n"),
        "{}",
        ok.stderr
    );
    let tampered = verify(&body.stdout.trim().replace("GetServiceStatus", "ListOrders"))?;
    assert_eq!(tampered.code, 1);
    assert_eq!(
        tampered.stdout,
        "SignatureDoesNotMatch: the signature does not match the request\n"
    );
    Ok(())
}

#[test]
fn verify_rejects_malformed_keys_files_without_showing_them() -> TestResult {
    let dir = TempDir::new()?;
    let keys = dir.file("keys", "# comment\nAKID-ONLY-NO-SECRET\n")?;
    let out = run([
        "verify".to_owned(),
        "--host=h".to_owned(),
        "--query=".to_owned(),
        format!("--keys-file={}", keys.display()),
    ])?;
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("line 2"), "{}", out.stderr);
    assert!(!out.stderr.contains("AKID-ONLY-NO-SECRET"));
    Ok(())
}
