//! Running the built `mws-sign` binary in tests: arguments, environment,
//! standard input, and temporary files.

#![allow(dead_code, unused_imports)] // Each test crate uses a different part.

pub mod fixtures;

use core::error::Error;
use core::sync::atomic::{AtomicUsize, Ordering};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a test returns: `?` instead of `unwrap`.
pub type TestResult = Result<(), Box<dyn Error>>;

/// A finished run of the binary.
#[derive(Debug)]
pub struct Output {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, as text.
    pub stdout: String,
    /// Standard error, as text.
    pub stderr: String,
}

impl Output {
    /// Both streams, for searching.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// A command line for the binary, with no `MWS_*` variables and empty stdin.
pub struct Cmd {
    command: Command,
    stdin: Vec<u8>,
}

impl Cmd {
    /// `mws-sign ARGS...`.
    pub fn new<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mws-sign"));
        command
            .args(args)
            .env_remove("MWS_SECRET_KEY")
            .env_remove("MWS_ACCESS_KEY_ID");
        Cmd {
            command,
            stdin: Vec::new(),
        }
    }

    /// Sets an environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.command.env(name, value);
        self
    }

    /// Feeds `bytes` on standard input.
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = bytes.into();
        self
    }

    /// Runs to the end.
    pub fn run(mut self) -> Result<Output, Box<dyn Error>> {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            // The binary may exit without reading: a closed pipe is fine.
            let _ = stdin.write_all(&self.stdin);
        }
        let out = child.wait_with_output()?;
        Ok(Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout)?,
            stderr: String::from_utf8(out.stderr)?,
        })
    }
}

/// Runs `mws-sign ARGS...` with no input.
pub fn run<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Result<Output, Box<dyn Error>> {
    Cmd::new(args).run()
}

/// A directory removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A fresh, empty directory.
    pub fn new() -> Result<Self, Box<dyn Error>> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("mws-sign-cli-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)?;
        Ok(TempDir(path))
    }

    /// Writes a file and returns its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> Result<PathBuf, Box<dyn Error>> {
        let path = self.0.join(name);
        std::fs::write(&path, bytes)?;
        Ok(path)
    }

    /// The path of `name` inside the directory (not created).
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The project's vector files.
pub fn vector_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(name)
}

/// A vector file, parsed.
pub fn vectors(name: &str) -> Result<serde_json::Value, Box<dyn Error>> {
    Ok(serde_json::from_str(&std::fs::read_to_string(
        vector_file(name),
    )?)?)
}

/// A string field of a JSON object, or an error naming it.
pub fn field<'v>(value: &'v serde_json::Value, name: &str) -> Result<&'v str, Box<dyn Error>> {
    value
        .get(name)
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| format!("field {name} missing").into())
}
