//! Every `sign` and `reject` case of the project's vector files, passed to
//! `mws-sign sign` as command-line arguments: the four stages must match
//! the independent reference's, and rejected input must exit 3 with its kind.

mod support;

use serde_json::Value;
use support::{TempDir, TestResult, field, run, vectors};

/// Passes a vector case's request to `sign` exactly as given.
fn vector_case_args(
    dir: &TempDir,
    case: &Value,
    i: usize,
) -> Result<Vec<String>, Box<dyn core::error::Error>> {
    let key = dir.file(&format!("key{i}"), field(case, "secret")?)?;
    let mut args = vec![
        "sign".to_owned(),
        "--output".to_owned(),
        "json".to_owned(),
        format!("--method={}", field(case, "method")?),
        format!("--scheme={}", field(case, "scheme")?),
        format!("--host={}", field(case, "host")?),
        format!("--path={}", field(case, "path")?),
        format!("--signature-method={}", field(case, "signature_method")?),
        format!("--secret-key-file={}", key.display()),
    ];
    let mut params: Vec<String> = Vec::new();
    for p in case["params"].as_array().ok_or("params")? {
        let (name, value) = (
            p[0].as_str().unwrap_or_default(),
            p[1].as_str().unwrap_or_default(),
        );
        if name.contains('=') {
            // NAME=VALUE splits on the first '=': such a name needs --param.
            args.extend(["--param".to_owned(), name.to_owned(), value.to_owned()]);
        } else {
            params.push(format!("{name}={value}"));
        }
    }
    if params.iter().any(|p| p.contains('\0')) {
        // An argument cannot hold NUL; a parameters file can.
        let file = dir.file(&format!("params{i}"), params.join("\n"))?;
        args.push(format!("--params-file={}", file.display()));
    } else {
        args.push("--".to_owned());
        args.extend(params);
    }
    Ok(args)
}

#[test]
fn sign_agrees_with_every_sign_and_reject_vector() -> TestResult {
    let dir = TempDir::new()?;
    let mut count = 0;
    for file in ["published.json", "signing.json", "reject.json"] {
        let doc = vectors(file)?;
        for case in doc["sign"].as_array().into_iter().flatten() {
            count += 1;
            let out = run(vector_case_args(&dir, case, count)?)?;
            let name = field(case, "name")?;
            assert_eq!(out.code, 0, "{name}: {}", out.stderr);
            let json: Value = serde_json::from_str(&out.stdout)?;
            for stage in [
                "canonical_query",
                "string_to_sign",
                "signature",
                "signed_query",
            ] {
                assert_eq!(field(&json, stage)?, field(case, stage)?, "{name}: {stage}");
            }
        }
        for case in doc["reject"].as_array().into_iter().flatten() {
            count += 1;
            let out = run(vector_case_args(&dir, case, count)?)?;
            let name = field(case, "name")?;
            assert_eq!(out.code, 3, "{name}: {}{}", out.stdout, out.stderr);
            let expected = format!("error: {}: ", field(case, "error")?);
            assert!(out.stderr.starts_with(&expected), "{name}: {}", out.stderr);
            assert!(out.stdout.is_empty(), "{name}");
        }
    }
    assert!(count > 150, "only {count} cases ran");
    Ok(())
}
