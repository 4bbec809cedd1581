//! One module per command; each takes its arguments and the output stream.

mod example;
mod explain;
mod md5;
mod sign;
mod vectors;
mod verify;

use crate::cli::Command;
use crate::exit::CommandResult;
use std::io::Write;

/// Runs `command` (the worked example when none), writing results to `out`.
///
/// # Errors
/// The command's [`crate::exit::Failure`].
pub fn dispatch(command: Option<Command>, out: &mut dyn Write) -> CommandResult {
    match command {
        None | Some(Command::Example) => example::run(out),
        Some(Command::Sign(args)) => sign::run(&args, out),
        Some(Command::Explain(args)) => explain::run(&args, out),
        Some(Command::Verify(args)) => verify::run(&args, out),
        Some(Command::Md5(args)) => md5::run(&args, out),
        Some(Command::Vectors(args)) => vectors::run(&args, out),
    }
}
