//! Exit codes and the failures that lead to them.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | a negative answer: verification rejected, a vector failed, `explain` found a difference |
//! | 2 | usage error: bad arguments (clap's own code), or a malformed parameters or keys file |
//! | 3 | invalid input rejected by the core, printed as `error: <Kind>: <message>` |
//! | 4 | I/O error: a file or standard input could not be read, or output could not be written |
//!
//! Results go to standard output, messages to standard error. No message
//! ever contains the secret: core errors carry only their kind, and file
//! errors name the file, never its content.

use std::fmt;
use std::io;
use std::process::ExitCode;

/// Success.
pub const SUCCESS: u8 = 0;
/// A negative answer: rejected, failed, or different.
pub const NEGATIVE: u8 = 1;
/// A usage error (the code clap uses for bad arguments).
pub const USAGE: u8 = 2;
/// Input the core rejected as invalid.
pub const INVALID: u8 = 3;
/// A file or stream could not be read or written.
pub const IO: u8 = 4;

/// The exit codes as the `--help` text lists them.
pub const HELP_TEXT: &str = "\
Exit codes:
  0  success
  1  a negative answer: verification rejected, a vector failed, explain found a difference
  2  usage error: bad arguments, or a malformed parameters or keys file
  3  invalid input rejected by the signer (printed as 'error: <Kind>: <message>')
  4  I/O error: a file or standard input could not be read";

/// How a command that ran to the end came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The answer is yes (or there was no question): exit 0.
    Done,
    /// The answer is no: exit 1.
    Negative,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::from(SUCCESS),
            Outcome::Negative => ExitCode::from(NEGATIVE),
        }
    }
}

/// Why a command stopped before giving an answer.
#[derive(Debug)]
pub enum Failure {
    /// The arguments (or a file of arguments) do not make a valid call.
    Usage(String),
    /// The core rejected the input.
    Invalid(mws_sign::Error),
    /// Reading or writing failed; `what` names the file or stream.
    Io {
        /// What was being read or written, e.g. `reading feed.xml`.
        what: String,
        /// The underlying error.
        error: io::Error,
    },
}

impl Failure {
    /// A usage failure with this message.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::Usage(message.into())
    }

    /// An I/O failure while doing `what`.
    pub fn io(what: impl Into<String>, error: io::Error) -> Self {
        Failure::Io {
            what: what.into(),
            error,
        }
    }

    /// Whether standard output was closed by its reader.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Io { error, .. } if error.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The process exit code.
    pub fn code(&self) -> ExitCode {
        ExitCode::from(match self {
            Failure::Usage(_) => USAGE,
            Failure::Invalid(_) => INVALID,
            Failure::Io { .. } => IO,
        })
    }
}

impl From<mws_sign::Error> for Failure {
    fn from(error: mws_sign::Error) -> Self {
        Failure::Invalid(error)
    }
}

/// Writing to standard output failed (a closed pipe, a full disk).
impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::io("writing to standard output", error)
    }
}

/// The line printed on standard error.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(message) => {
                write!(f, "error: {message}\n\nFor more information, try '--help'.")
            }
            // Kind and static message only: never request data, never the secret.
            Failure::Invalid(e) => write!(f, "error: {}: {}", e.kind(), e.message()),
            Failure::Io { what, error } => write!(f, "error: {what}: {error}"),
        }
    }
}

/// What every command returns.
pub type CommandResult = Result<Outcome, Failure>;
