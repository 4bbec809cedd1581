//! The string to sign, line by line: verb, host, path, query.

use super::{Report, encoding, query};
use crate::input::strip_final_newline;
use crate::request::Stages;

/// Compares our string to sign with `given`, another signer's; one final
/// line break of `given` is ignored.
pub fn string_to_sign(ours: &Stages, given: &str) -> Report {
    let mut report = Report::default();
    let mut theirs = strip_final_newline(given).to_owned();
    if theirs.contains("\r\n") {
        report.differ(
            "line breaks: theirs ends lines with \\r\\n; the string to sign uses \\n alone",
        );
        theirs = theirs.replace("\r\n", "\n");
    } else if !theirs.contains('\n') && theirs.contains("\\n") {
        report.note(
            "theirs has the two characters \\n where line breaks belong (as a log shows them); read as line breaks",
        );
        theirs = theirs.replace("\\n", "\n");
    }
    if theirs == ours.string_to_sign {
        report.same("the whole string to sign");
        return report;
    }
    let lines: Vec<&str> = theirs.splitn(4, '\n').collect();
    if lines.len() < 4 {
        report.differ(format!(
            "shape: theirs has {} line(s); a string to sign has 4 (verb, host, path, query)",
            lines.len()
        ));
    }
    let line = |i: usize| lines.get(i).copied();
    verb(&mut report, ours, line(0));
    host(&mut report, ours, line(1));
    path(&mut report, ours, line(2));
    query::compare(&mut report, ours, line(3));
    report
}

fn verb(report: &mut Report, ours: &Stages, theirs: Option<&str>) {
    let ours = ours.method.as_str();
    match theirs {
        Some(t) if t == ours => report.same(format!("verb line   {ours}")),
        Some(t) if t.eq_ignore_ascii_case(ours) => {
            report.differ(format!("verb line   ours {ours}, theirs {t}"));
            report.detail("the method is signed in uppercase (S7)");
        }
        Some(t) => {
            report.differ(format!("verb line   ours {ours}, theirs {t}"));
            report.detail("sign the method the request is really sent with (MWS: POST)");
        }
        None => report.differ("verb line   missing in theirs"),
    }
}

fn host(report: &mut Report, stages: &Stages, theirs: Option<&str>) {
    let ours = stages.host.as_str();
    let Some(t) = theirs else {
        report.differ("host line   missing in theirs");
        return;
    };
    if t == ours {
        report.same(format!("host line   {ours}"));
        return;
    }
    report.differ(format!("host line   ours {ours}, theirs {t}"));
    let lower = t.to_ascii_lowercase();
    if lower != t {
        report.detail("the host is signed in lowercase (S5)");
    }
    if lower == ours {
        return;
    }
    if let Some(port) = lower.strip_prefix(ours).and_then(|r| r.strip_prefix(':')) {
        report.detail(format!(
            "theirs keeps the port :{port}, the default of {}; the default port is left out (S5)",
            stages.scheme
        ));
    } else if let Some(port) = ours
        .strip_prefix(lower.as_str())
        .and_then(|r| r.strip_prefix(':'))
    {
        report.detail(format!(
            "theirs drops the port :{port}, which is not the default of {} and must be kept (S5)",
            stages.scheme
        ));
    } else {
        report.detail("different hosts: sign the Host header the request is sent with");
    }
}

fn path(report: &mut Report, stages: &Stages, theirs: Option<&str>) {
    let ours = stages.path.as_str();
    let Some(t) = theirs else {
        report.differ("path line   missing in theirs");
        return;
    };
    if t == ours {
        report.same(format!("path line   {ours}"));
        return;
    }
    report.differ(format!("path line   ours {ours}, theirs {t}"));
    if t.is_empty() {
        report.detail("an empty path is signed as '/' (S6)");
        return;
    }
    match (encoding::decode(ours), encoding::decode(t)) {
        (Some(a), Some(b)) if a == b => {
            for d in encoding::differences(&a, ours, t) {
                report.detail(d);
            }
        }
        _ if stages.mws => report.detail(format!(
            "different paths: an MWS call goes to its section's path, here {ours}"
        )),
        _ => report.detail("different paths: sign the path the request is sent to"),
    }
}
