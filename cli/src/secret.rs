//! The Secret Key: where it comes from, and how it is kept.
//!
//! No option takes the secret itself (it would show in `ps` and in shell
//! history). It comes from a file, the `MWS_SECRET_KEY` environment
//! variable, or one line of standard input, in that order of preference.
//! It is wiped from memory when dropped and never printed.

use crate::exit::Failure;
use std::fmt;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use zeroize::Zeroize;

/// The environment variable holding the Secret Key.
pub const SECRET_ENV: &str = "MWS_SECRET_KEY";

/// A Secret Key's bytes, wiped on drop; `Debug` never shows them.
pub struct Secret(Vec<u8>);

impl Secret {
    /// Takes ownership of `bytes`, dropping one trailing line break (`\n` or `\r\n`).
    pub fn from_line(mut bytes: Vec<u8>) -> Self {
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        Secret(bytes)
    }

    /// Whether it starts or ends with whitespace: a frequent copy-paste slip,
    /// worth a hint when signatures differ (the secret itself is never shown).
    pub fn has_edge_whitespace(&self) -> bool {
        let edge = |b: Option<&u8>| b.is_some_and(u8::is_ascii_whitespace);
        edge(self.0.first()) || edge(self.0.last())
    }

    /// The bytes that key the HMAC.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.as_mut_slice().zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Where the secret will be read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretSource {
    /// `--secret-key-file FILE`.
    File(PathBuf),
    /// The `MWS_SECRET_KEY` environment variable.
    Env,
    /// One line of standard input (a prompt when it is a terminal).
    Stdin,
}

impl SecretSource {
    /// The file if given, else the environment if set, else standard input.
    pub fn choose(file: Option<&Path>) -> Self {
        match file {
            Some(path) => SecretSource::File(path.to_owned()),
            None if std::env::var_os(SECRET_ENV).is_some() => SecretSource::Env,
            None => SecretSource::Stdin,
        }
    }

    /// Whether reading the secret will consume standard input.
    pub fn uses_stdin(&self) -> bool {
        match self {
            SecretSource::File(path) => path.as_os_str() == "-",
            SecretSource::Env => false,
            SecretSource::Stdin => true,
        }
    }

    /// Reads the secret.
    ///
    /// # Errors
    /// [`Failure::Io`] when the file or standard input cannot be read;
    /// [`Failure::Usage`] when the environment variable is not valid text.
    pub fn read(&self) -> Result<Secret, Failure> {
        match self {
            SecretSource::File(path) if path.as_os_str() == "-" => read_stdin_line(),
            SecretSource::File(path) => std::fs::read(path)
                .map(Secret::from_line)
                .map_err(|e| Failure::io(format!("reading {}", path.display()), e)),
            SecretSource::Env => std::env::var_os(SECRET_ENV)
                .and_then(|v| v.into_string().ok())
                .map(|v| Secret(v.into_bytes()))
                .ok_or_else(|| Failure::usage(format!("{SECRET_ENV} is not valid UTF-8"))),
            SecretSource::Stdin if io::stdin().is_terminal() => prompt(),
            SecretSource::Stdin => read_stdin_line(),
        }
    }
}

/// One line of standard input, as bytes (the secret need not be UTF-8).
fn read_stdin_line() -> Result<Secret, Failure> {
    let mut line = Vec::new();
    io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(|e| Failure::io("reading the secret key from standard input", e))?;
    Ok(Secret::from_line(line))
}

/// Asks on standard error and reads the answer without echoing it.
fn prompt() -> Result<Secret, Failure> {
    let mut stderr = io::stderr();
    write!(
        stderr,
        "Secret Key (not echoed; or use --secret-key-file or {SECRET_ENV}): "
    )
    .and_then(|()| stderr.flush())
    .map_err(|e| Failure::io("writing the prompt", e))?;
    rpassword::read_password()
        .map(|line| Secret::from_line(line.into_bytes()))
        .map_err(|e| Failure::io("reading the secret key from the terminal", e))
}
