//! `mws-sign vectors`: vector files through the core, `N passed, N failed`.

use crate::cli::VectorsArgs;
use crate::exit::{CommandResult, Outcome};
use crate::input;
use crate::vectors::{Summary, run_text};
use std::io::Write;

/// Runs every file; an unreadable file counts as one failure, and no file
/// at all is a failure too (a test run that ran nothing must not pass).
///
/// # Errors
/// [`crate::exit::Failure::Io`] only when output fails.
pub fn run(args: &VectorsArgs, out: &mut dyn Write) -> CommandResult {
    let mut total = Summary::default();
    if args.files.is_empty() {
        eprintln!("error: no vector file given (try: mws-sign vectors tests/vectors/*.json)");
        total.failed += 1;
    }
    for file in &args.files {
        let label = input::label(file);
        match input::read_text(file) {
            Ok(text) => total.absorb(run_text(&label, &text)),
            Err(failure) => {
                total.failed += 1;
                total.failures.push(failure.to_string());
            }
        }
    }
    for failure in &total.failures {
        writeln!(out, "{failure}")?;
    }
    writeln!(out, "{} passed, {} failed", total.passed, total.failed)?;
    Ok(if total.failed == 0 {
        Outcome::Done
    } else {
        Outcome::Negative
    })
}
