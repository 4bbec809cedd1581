//! The Secret Key never leaves the process: a canary secret is used in
//! succeeding and failing runs of every command that reads one, and neither
//! standard output nor standard error may contain it in any form.

mod support;

use support::{Cmd, Output, TempDir, TestResult};

/// The canary. `s3cr3t` survives percent-encoding, JSON and shell quoting
/// unchanged, so searching for it finds the secret in any of those forms.
const CANARY: &str = "CaNaRy/s3cr3t+Zq9xK7=";
const NEEDLE: &str = "s3cr3t";

fn assert_clean(what: &str, out: &Output) {
    assert!(
        !out.all().contains(NEEDLE),
        "{what}: the secret leaked:\n{}",
        out.all()
    );
}

#[test]
fn sign_never_prints_the_secret() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", format!("{CANARY}\n"))?;
    let feed = dir.file("feed.xml", "<feed/>")?;
    let key_arg = format!("--secret-key-file={}", key.display());
    let mws = [
        "--marketplace=US",
        "--section=Feeds",
        "--action=SubmitFeed",
        "--access-key-id=AKID",
        "--seller-id=SELLER",
    ];
    let mut runs = 0;
    for output in [
        "signature",
        "string-to-sign",
        "canonical-query",
        "signed-query",
        "url",
        "curl",
        "json",
    ] {
        let generic = Cmd::new(["sign", "--host=h", &key_arg, "--output", output, "a=1"]).run()?;
        assert_eq!(generic.code, 0, "{}", generic.stderr);
        assert_clean(output, &generic);
        let mut args = vec![
            "sign".to_owned(),
            key_arg.clone(),
            format!("--output={output}"),
        ];
        args.extend(mws.map(str::to_owned));
        args.push(format!("--feed={}", feed.display()));
        let call = Cmd::new(&args).run()?;
        assert_eq!(call.code, 0, "{}", call.stderr);
        assert_clean(output, &call);
        let env = Cmd::new(["sign", "--host=h", "--output", output])
            .env("MWS_SECRET_KEY", CANARY)
            .run()?;
        assert_clean(output, &env);
        let stdin = Cmd::new(["sign", "--host=h", "--output", output])
            .stdin(CANARY)
            .run()?;
        assert_clean(output, &stdin);
        runs += 4;
    }
    let failing: [&[&str]; 7] = [
        &["sign", "--host=bad host"],
        &["sign", "--host=h", "=x"],
        &["sign", "--host=h", "a=1", "a=2"],
        &["sign", "--host=h", "--signature-method=HmacMD5"],
        &["sign", "--marketplace=ZZ"],
        &["sign", "--host=h", "--params-file=/nonexistent/params"],
        &["sign", "--host=h", "no-equals"],
    ];
    for args in failing {
        for out in [
            Cmd::new(args.iter().chain([&key_arg.as_str()])).run()?,
            Cmd::new(args).env("MWS_SECRET_KEY", CANARY).run()?,
            Cmd::new(args).stdin(CANARY).run()?,
        ] {
            assert_ne!(out.code, 0, "{args:?}");
            assert_clean(&format!("{args:?}"), &out);
            runs += 1;
        }
    }
    assert!(runs > 40);
    Ok(())
}

#[test]
fn explain_never_prints_the_secret() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", CANARY)?;
    let spaced = dir.file("spaced", format!(" {CANARY} "))?;
    let theirs = dir.file("theirs", "POST\nh\n/\na=1")?;
    let other = dir.file("other", format!("POST\nh\n/\na={CANARY}"))?;
    for key in [&key, &spaced] {
        let key_arg = format!("--secret-key-file={}", key.display());
        let runs = [
            vec![
                "explain".to_owned(),
                "--host=h".to_owned(),
                key_arg.clone(),
                "a=1".to_owned(),
            ],
            vec![
                "explain".to_owned(),
                "--host=h".to_owned(),
                key_arg.clone(),
                format!("--expect-string-to-sign={}", theirs.display()),
                "--expect-signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".to_owned(),
                "a=1".to_owned(),
            ],
            vec![
                "explain".to_owned(),
                "--host=h".to_owned(),
                key_arg.clone(),
                format!("--expect-string-to-sign={}", other.display()),
                "a=1".to_owned(),
            ],
            vec![
                "explain".to_owned(),
                "--host=h".to_owned(),
                "--path=x".to_owned(),
                key_arg.clone(),
            ],
        ];
        for args in runs {
            let out = Cmd::new(&args).run()?;
            // `other` holds the canary as a parameter value on purpose: its
            // report may quote that value, so it is checked apart.
            if args.iter().any(|a| a.contains("other")) {
                assert_eq!(out.code, 1);
                assert!(!out.stderr.contains(NEEDLE));
                continue;
            }
            assert_clean(&format!("{args:?}"), &out);
        }
    }
    Ok(())
}

#[test]
fn verify_never_prints_the_secret() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", CANARY)?;
    let body = Cmd::new([
        "sign".to_owned(),
        "--host=h".to_owned(),
        "--section=Sellers".to_owned(),
        "--action=GetServiceStatus".to_owned(),
        "--access-key-id=AKIDCANARY".to_owned(),
        "--seller-id=S".to_owned(),
        format!("--secret-key-file={}", key.display()),
        "--output=signed-query".to_owned(),
    ])
    .run()?;
    let query = body.stdout.trim().to_owned();
    let keys = dir.file("keys", format!("AKIDCANARY {CANARY}\nOTHER other-secret\n"))?;
    let wrong = dir.file("wrong", format!("AKIDCANARY {CANARY}x\n"))?;
    let malformed = dir.file("malformed", format!("{CANARY}\n"))?;
    let base = |keys: &std::path::Path, query: &str| {
        vec![
            "verify".to_owned(),
            "--host=h".to_owned(),
            "--path=/Sellers/2011-07-01".to_owned(),
            format!("--query={query}"),
            format!("--keys-file={}", keys.display()),
        ]
    };
    let ok = Cmd::new(base(&keys, &query)).run()?;
    assert_eq!(ok.stdout, "ok AKIDCANARY\n", "{}", ok.stderr);
    assert_clean("ok", &ok);
    let rejected = Cmd::new(base(&wrong, &query)).run()?;
    assert_eq!(rejected.code, 1);
    assert_clean("rejected", &rejected);
    let broken = Cmd::new(base(&malformed, &query)).run()?;
    assert_eq!(broken.code, 2);
    assert_clean("malformed keys file", &broken);
    let env = Cmd::new([
        "verify",
        "--host=h",
        "--path=/Sellers/2011-07-01",
        &format!("--query={query}x"),
    ])
    .env("MWS_ACCESS_KEY_ID", "AKIDCANARY")
    .env("MWS_SECRET_KEY", CANARY)
    .run()?;
    assert_eq!(env.code, 1);
    assert_clean("env", &env);
    Ok(())
}
