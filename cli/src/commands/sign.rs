//! `mws-sign sign`: one stage of a signed request, or all of them.

use crate::cli::{OutputFormat, SignArgs};
use crate::exit::{CommandResult, Outcome};
use crate::{output, request};
use std::io::Write;

/// Signs the request and prints what `--output` asks for.
///
/// # Errors
/// As [`request::sign`], and [`crate::exit::Failure::Io`] when output fails.
pub fn run(args: &SignArgs, out: &mut dyn Write) -> CommandResult {
    let stages = request::sign(&args.request, ("", false))?;
    match args.output {
        OutputFormat::Signature => writeln!(out, "{}", stages.signature)?,
        OutputFormat::StringToSign => writeln!(out, "{}", stages.string_to_sign)?,
        OutputFormat::CanonicalQuery => writeln!(out, "{}", stages.canonical_query)?,
        OutputFormat::SignedQuery => writeln!(out, "{}", stages.signed_query)?,
        OutputFormat::Url => writeln!(out, "{}", stages.url())?,
        OutputFormat::Curl => writeln!(out, "{}", output::curl(&stages))?,
        OutputFormat::Json => writeln!(out, "{}", output::json(&stages))?,
    }
    Ok(Outcome::Done)
}
