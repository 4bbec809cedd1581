//! The documented exit codes: 2 usage, 3 rejected by the core, 4 I/O.

mod support;

use support::{Cmd, TempDir, TestResult, run};

#[test]
fn usage_errors_exit_2() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "secret")?;
    let key_arg = format!("--secret-key-file={}", key.display());
    let bad_params = dir.file("params", "a=1\nno-equals-sign\n")?;
    let cases: Vec<Vec<String>> = vec![
        vec![
            "sign".into(),
            "--host=h".into(),
            key_arg.clone(),
            "novalue".into(),
        ],
        vec!["sign".into(), "--marketplace=XX".into(), key_arg.clone()],
        vec![
            "sign".into(),
            "--host=h".into(),
            "--section=Nope".into(),
            key_arg.clone(),
        ],
        vec![
            "sign".into(),
            "--marketplace=US".into(),
            "--section=Orders".into(),
            "--action=ListOrders".into(),
            key_arg.clone(),
        ],
        vec![
            "sign".into(),
            "--host=h".into(),
            "--access-key-id=A".into(),
            key_arg.clone(),
        ],
        vec!["sign".into(), key_arg.clone(), "a=1".into()],
        vec![
            "sign".into(),
            "--host=h".into(),
            "--output=yaml".into(),
            key_arg.clone(),
        ],
        vec![
            "sign".into(),
            "--host=h".into(),
            "--secret-key-file=-".into(),
            "--params-file=-".into(),
        ],
        vec![
            "sign".into(),
            "--host=h".into(),
            key_arg.clone(),
            format!("--params-file={}", bad_params.display()),
        ],
        vec![
            "explain".into(),
            "--host=h".into(),
            "--expect-string-to-sign=-".into(),
        ],
        vec!["verify".into(), "--host=h".into(), "--query=a=1".into()],
        vec!["verify".into(), "--host=h".into()],
        vec!["md5".into()],
        vec!["frobnicate".into()],
    ];
    for args in cases {
        let out = run(&args)?;
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("error: "),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    Ok(())
}

#[test]
fn input_the_core_rejects_exits_3_with_kind_and_message() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "secret")?;
    let empty = dir.file("empty", "")?;
    let key_arg = format!("--secret-key-file={}", key.display());
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["sign".into(), "--host=bad host".into(), key_arg.clone()],
            "InvalidHost",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                "--method=G3T".into(),
                key_arg.clone(),
            ],
            "InvalidMethod",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                "--path=x".into(),
                key_arg.clone(),
            ],
            "InvalidPath",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                "--scheme=ftp".into(),
                key_arg.clone(),
            ],
            "InvalidScheme",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                key_arg.clone(),
                "a=1".into(),
                "a=2".into(),
            ],
            "DuplicateParameter",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                key_arg.clone(),
                "=1".into(),
            ],
            "EmptyParameterName",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                "--signature-method=HmacSHA512".into(),
                key_arg.clone(),
            ],
            "UnsupportedSignatureMethod",
        ),
        (
            vec![
                "sign".into(),
                "--host=h".into(),
                format!("--secret-key-file={}", empty.display()),
            ],
            "EmptySecret",
        ),
        (
            vec![
                "sign".into(),
                "--marketplace=US".into(),
                "--section=Orders".into(),
                "--action=ListOrders".into(),
                "--access-key-id=A".into(),
                "--seller-id=S".into(),
                "--timestamp=yesterday".into(),
                key_arg.clone(),
            ],
            "InvalidTimestamp",
        ),
        (
            vec![
                "sign".into(),
                "--marketplace=US".into(),
                "--section=Orders".into(),
                "--action=ListOrders".into(),
                "--access-key-id=A".into(),
                "--seller-id=S".into(),
                key_arg.clone(),
                "Action=Other".into(),
            ],
            "DuplicateParameter",
        ),
        (
            vec![
                "verify".into(),
                "--host=h".into(),
                "--query=".into(),
                "--now=soon".into(),
            ],
            "InvalidTimestamp",
        ),
    ];
    for (args, kind) in cases {
        let out = Cmd::new(&args)
            .env("MWS_ACCESS_KEY_ID", "A")
            .env("MWS_SECRET_KEY", "s")
            .run()?;
        assert_eq!(out.code, 3, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with(&format!("error: {kind}: ")),
            "{args:?}: {}",
            out.stderr
        );
    }
    Ok(())
}

#[test]
fn unreadable_files_exit_4() -> TestResult {
    let dir = TempDir::new()?;
    let key = dir.file("key", "secret")?;
    let keys = dir.file("keys", "AKID secret\n")?;
    let missing = dir.path("missing");
    let m = missing.display();
    let k = key.display();
    let cases: Vec<Vec<String>> = vec![
        vec![
            "sign".into(),
            "--host=h".into(),
            format!("--secret-key-file={m}"),
        ],
        vec![
            "sign".into(),
            "--host=h".into(),
            format!("--secret-key-file={k}"),
            format!("--params-file={m}"),
        ],
        vec![
            "sign".into(),
            "--marketplace=US".into(),
            "--section=Feeds".into(),
            "--action=SubmitFeed".into(),
            "--access-key-id=A".into(),
            "--seller-id=S".into(),
            format!("--secret-key-file={k}"),
            format!("--feed={m}"),
        ],
        vec![
            "explain".into(),
            "--host=h".into(),
            format!("--secret-key-file={k}"),
            format!("--expect-string-to-sign={m}"),
        ],
        vec![
            "verify".into(),
            "--host=h".into(),
            format!("--query-file={m}"),
            format!("--keys-file={}", keys.display()),
        ],
        vec![
            "verify".into(),
            "--host=h".into(),
            "--query=".into(),
            format!("--keys-file={m}"),
        ],
        vec!["md5".into(), m.to_string()],
    ];
    for args in cases {
        let out = run(&args)?;
        assert_eq!(out.code, 4, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("error: ") && out.stderr.contains("missing"),
            "{}",
            out.stderr
        );
    }
    Ok(())
}
