//! Replays every input saved under `tests/crashes/<target>/` through the
//! same checks the fuzz target of that name runs (`fuzz/src/checks/`,
//! included here as source), so a crash found once stays fixed under plain
//! `cargo test`. An empty directory (or one holding only a README) passes.
//!
//! `tests/crashes/c_abi/` is the exception: its checks call the C ABI crate,
//! which the core's tests cannot link (it depends on the core); those files
//! are replayed by `scripts/checks/90-fuzz.sh`, which runs the `c_abi`
//! target over them. This test still requires every directory to name a
//! known target, so a misplaced file is noticed.

// The checks are shared with the fuzz crate, where every item is used by
// some target; here the c_abi-only helpers are not. Failing checks panic,
// as a test should.
#[allow(dead_code, clippy::panic)]
#[path = "../../fuzz/src/checks/mod.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// A fuzz target's checks: panics when an input breaks them.
type Check = fn(&[u8]);

/// The fuzz targets whose checks this test can run.
const TARGETS: [(&str, Check); 3] = [
    ("sign_differential", checks::sign_differential::run),
    ("verify_query", checks::verify_query::run),
    ("timestamps", checks::timestamps::run),
];

/// Targets whose crashes are replayed elsewhere (see the module docs).
const REPLAYED_BY_THE_FUZZ_CHECK: [&str; 1] = ["c_abi"];

fn crash_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        p.is_file() && !name.starts_with("README") && !name.starts_with('.')
    });
    files.sort();
    files
}

#[test]
fn saved_crashes_pass_their_targets_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/crashes");
    let mut failures = Vec::new();
    let mut replayed = 0;
    for dir in std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let path = dir.path();
        if !path.is_dir() {
            continue;
        }
        let name = dir.file_name().to_string_lossy().into_owned();
        if REPLAYED_BY_THE_FUZZ_CHECK.contains(&name.as_str()) {
            continue;
        }
        let run = TARGETS
            .iter()
            .find(|(target, _)| *target == name)
            .map(|(_, run)| *run)
            .unwrap_or_else(|| panic!("tests/crashes/{name}: no fuzz target of that name"));
        for file in crash_files(&path) {
            let data = std::fs::read(&file).expect("readable crash file");
            replayed += 1;
            if std::panic::catch_unwind(|| run(&data)).is_err() {
                failures.push(file.display().to_string());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} saved crashes fail: {failures:#?}",
        failures.len()
    );
}

/// The checks themselves are live: each target's checks pass on a valid
/// input made here (so an empty crash directory does not hide a broken include).
#[test]
fn the_checks_pass_on_sound_inputs() {
    let sep = |fields: &[&[u8]]| fields.join(&[checks::input::SEPARATOR][..]);
    checks::sign_differential::run(&sep(&[
        b"HmacSHA256",
        b"secret",
        b"post",
        b"https",
        b"Example.COM:443",
        b"/a b",
        b"Action",
        b"Go",
    ]));
    checks::verify_query::run(&sep(&[
        b"\x01",
        b"HmacSHA1",
        b"secret",
        b"GET",
        b"http",
        b"example.com:8080",
        b"",
        b"\x07",
        b"\x09",
        b"k",
        b"v",
    ]));
    checks::timestamps::run(b"2009-02-04T08:03:50.5-07");
}
