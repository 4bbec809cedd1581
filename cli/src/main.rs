//! `mws-sign`: sign, explain and verify Amazon MWS requests offline.
//! Everything lives in the library; `mws-sign --help` lists the exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    mws_sign_cli::run(std::env::args_os())
}
