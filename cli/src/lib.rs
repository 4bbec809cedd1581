//! The `mws-sign` command's library: the vector runner and the command
//! implementations, kept out of `main.rs` so integration tests can call them.
//!
//! The commands only gather inputs, call the core (`mws-sign`) and format
//! what it returns: every signing and verifying decision is the core's.
//!
//! Exit codes (see [`exit`]): 0 success; 1 a negative answer (verification
//! rejected, vectors failed, `explain` found a difference); 2 usage error;
//! 3 invalid input rejected by the core; 4 I/O error.

pub mod cli;
mod clock;
mod commands;
mod compare;
pub mod exit;
mod input;
mod keys;
mod marks;
mod output;
mod params;
mod request;
mod secret;
pub mod vectors;

use clap::Parser;
use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

/// Runs the command line `args` (the program name first) and returns the
/// exit code. Results go to standard output, messages to standard error.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(exit::USAGE));
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = commands::dispatch(cli.command, &mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => outcome.code(),
        Err(failure) => {
            let _ = out.flush();
            // A reader that stopped early (`| head`) needs no explanation.
            if !failure.is_broken_pipe() {
                eprintln!("{failure}");
            }
            failure.code()
        }
    }
}
