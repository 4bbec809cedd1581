//! `mws-sign verify`: what the MWS server decided about a request.

use crate::cli::VerifyArgs;
use crate::exit::{CommandResult, Outcome};
use crate::keys::Keys;
use crate::{clock, input};
use mws_sign::{RawParam, ReceivedRequest, UnixTime, VerifyOptions, verify_in};
use std::io::Write;

/// Verifies and prints `ok <AccessKeyId>` (exit 0) or `<Kind>: <message>` (exit 1).
///
/// # Errors
/// [`crate::exit::Failure`] for bad arguments, unreadable files or an
/// invalid `--now`; a rejected request is an answer, not a failure.
pub fn run(args: &VerifyArgs, out: &mut dyn Write) -> CommandResult {
    let stdin = |p: &Option<std::path::PathBuf>| p.as_deref().is_some_and(input::is_stdin);
    input::check_stdin(&[
        ("--query-file", stdin(&args.query_file)),
        ("--keys-file", stdin(&args.keys_file)),
    ])?;
    let now = match &args.now {
        Some(text) => UnixTime::parse_iso8601(text)?,
        None => clock::now()?,
    };
    let keys = match &args.keys_file {
        Some(path) => Keys::from_file(path)?,
        None => Keys::from_env()?,
    };
    let text = match (&args.query, &args.query_file) {
        (Some(query), _) => query.clone(),
        (None, Some(path)) => input::strip_final_newline(&input::read_text(path)?).to_owned(),
        (None, None) => String::new(),
    };
    let request = ReceivedRequest {
        method: &args.method,
        scheme: &args.scheme,
        host: &args.host,
        path: &args.path,
        query: &text,
    };
    let options = VerifyOptions {
        now,
        window_seconds: args.window_seconds,
    };
    // One slot per `&`-separated piece: the most the query can hold.
    let mut space = vec![RawParam::EMPTY; text.split('&').count()];
    match verify_in(&request, &options, |id| keys.get(id), &mut space) {
        Ok(verified) => {
            writeln!(out, "ok {}", verified.access_key_id())?;
            Ok(Outcome::Done)
        }
        Err(e) => {
            writeln!(out, "{}: {}", e.kind(), e.message())?;
            Ok(Outcome::Negative)
        }
    }
}
