//! Request parameters as the command line gives them: `NAME=VALUE` words
//! and files of such lines.

use crate::exit::Failure;
use crate::input;
use std::path::Path;

/// One parameter, unencoded, as given.
pub type OwnedParam = (String, String);

/// Splits `NAME=VALUE` on the first `=` (a value may contain more).
///
/// # Errors
/// A message for a word without `=`.
pub fn split(word: &str) -> Result<OwnedParam, String> {
    word.split_once('=')
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .ok_or_else(|| {
            format!("parameter '{word}' has no '=': write NAME=VALUE (NAME= for an empty value)")
        })
}

/// Reads a parameters file: one `NAME=VALUE` a line, blank lines skipped,
/// a `\r` before the line break dropped; nothing else is trimmed.
///
/// # Errors
/// [`Failure::Io`] when unreadable; [`Failure::Usage`] naming the first line without `=`.
pub fn read_file(path: &Path) -> Result<Vec<OwnedParam>, Failure> {
    let text = input::read_text(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(i, line)| {
            line.split_once('=')
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "{} line {}: expected NAME=VALUE",
                        input::label(path),
                        i + 1
                    ))
                })
        })
        .collect()
}

/// Borrows owned parameters as the core's `(name, value)` pairs.
pub fn borrow(params: &[OwnedParam]) -> Vec<(&str, &str)> {
    params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}
