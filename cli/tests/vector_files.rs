//! Every vector file under `tests/vectors/` through the core, as part of `cargo test`.

use mws_sign_cli::vectors::{Summary, run_text};
use std::path::PathBuf;

fn vector_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

#[test]
fn every_vector_file_passes() {
    let mut files: Vec<_> = std::fs::read_dir(vector_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the project's vector files, found {files:?}"
    );
    let mut total = Summary::default();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable vector file");
        let summary = run_text(&file.display().to_string(), &text);
        assert!(summary.passed > 0, "{} ran no case", file.display());
        total.absorb(summary);
    }
    assert!(
        total.failures.is_empty(),
        "{} failed:\n{}",
        total.failed,
        total.failures.join("\n")
    );
    println!("{} passed, {} failed", total.passed, total.failed);
}

#[test]
fn wrong_expectations_are_reported_per_stage() {
    let text =
        std::fs::read_to_string(vector_dir().join("published.json")).expect("published.json");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    doc["sign"][0]["string_to_sign"] = "POST\nwrong".into();
    doc["mac"][0]["signature"] = "AAAA".into();
    doc["reject"][0]["error"] = "InvalidPath".into();
    doc["content_md5"][0]["content_md5"] = "x".into();
    doc["unknown_kind"] = serde_json::json!([{ "name": "future" }]);
    let summary = run_text("mutated", &doc.to_string());
    assert_eq!(summary.failed, 5, "{:#?}", summary.failures);
    assert!(
        summary.failures[0].contains("string_to_sign differs")
            || summary
                .failures
                .iter()
                .any(|f| f.contains("string_to_sign differs"))
    );
    assert!(summary.failures.iter().any(|f| f.contains("not supported")));
}
