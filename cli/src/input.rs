//! Reading the files a command names; `-` means standard input throughout.

use crate::exit::Failure;
use mws_sign::{ContentMd5, ContentMd5Hasher};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The chunk size for streaming a body through MD5.
pub const CHUNK: usize = 64 * 1024;

/// Whether `path` stands for standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a path is named in messages.
pub fn label(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Fails when more than one input would read standard input.
///
/// # Errors
/// [`Failure::Usage`] naming the inputs.
pub fn check_stdin(users: &[(&str, bool)]) -> Result<(), Failure> {
    let names: Vec<&str> = users.iter().filter(|u| u.1).map(|u| u.0).collect();
    if names.len() > 1 {
        return Err(Failure::usage(format!(
            "standard input can feed only one of {}; give the others as files \
             (the secret key can also come from MWS_SECRET_KEY)",
            names.join(" and ")
        )));
    }
    Ok(())
}

/// Opens a file, or standard input for `-`.
///
/// # Errors
/// [`Failure::Io`] naming the file.
pub fn open(path: &Path) -> Result<Box<dyn Read>, Failure> {
    if is_stdin(path) {
        Ok(Box::new(io::stdin().lock()))
    } else {
        File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read>)
            .map_err(|e| Failure::io(format!("cannot open {}", label(path)), e))
    }
}

/// Reads a whole text file (or standard input).
///
/// # Errors
/// [`Failure::Io`] when unreadable or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = String::new();
    open(path)?
        .read_to_string(&mut text)
        .map_err(|e| Failure::io(format!("cannot read {}", label(path)), e))?;
    Ok(text)
}

/// Drops one final line break (`\n` or `\r\n`), as editors and `echo` add one.
pub fn strip_final_newline(text: &str) -> &str {
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.strip_suffix('\r').unwrap_or(text)
}

/// The Content-MD5 of a file's bytes, read in [`CHUNK`]-sized pieces.
///
/// # Errors
/// [`Failure::Io`] naming the file.
pub fn content_md5(path: &Path) -> Result<ContentMd5, Failure> {
    let mut reader = open(path)?;
    let mut hasher = ContentMd5Hasher::new();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => return Ok(hasher.finish()),
            Ok(n) => hasher.update(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Failure::io(format!("cannot read {}", label(path)), e)),
        }
    }
}
