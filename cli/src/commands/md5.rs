//! `mws-sign md5`: the ContentMD5Value of a feed.

use crate::cli::Md5Args;
use crate::exit::{CommandResult, Outcome};
use crate::input;
use std::io::Write;

/// Streams the file through the core's MD5 and prints the Base64 value.
///
/// # Errors
/// [`crate::exit::Failure::Io`] when the file cannot be read.
pub fn run(args: &Md5Args, out: &mut dyn Write) -> CommandResult {
    writeln!(out, "{}", input::content_md5(&args.file)?)?;
    Ok(Outcome::Done)
}
