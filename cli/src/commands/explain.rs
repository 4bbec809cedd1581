//! `mws-sign explain`: every stage of signing, readable, with the encoded
//! characters marked; and, given another signer's output, where it differs.

use crate::cli::ExplainArgs;
use crate::compare::{self, Report};
use crate::exit::{CommandResult, Outcome};
use crate::input;
use crate::marks;
use crate::output::visible_newlines;
use crate::request::{self, Stages};
use std::io::{self, Write};

/// Prints the stages, then the comparisons; exit 1 when one differs.
///
/// # Errors
/// As [`request::sign`]; [`crate::exit::Failure::Io`] for an unreadable
/// `--expect-string-to-sign` file or failed output.
pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> CommandResult {
    let expected_from_stdin = args
        .expect_string_to_sign
        .as_deref()
        .is_some_and(input::is_stdin);
    let stages = request::sign(
        &args.request,
        ("--expect-string-to-sign", expected_from_stdin),
    )?;
    let expected = args
        .expect_string_to_sign
        .as_deref()
        .map(input::read_text)
        .transpose()?;

    request_lines(out, &stages)?;
    parameters(out, &stages)?;
    stage_texts(out, &stages)?;

    let strings = expected
        .as_deref()
        .map(|text| compare::string_to_sign(&stages, text));
    let signature = args
        .expect_signature
        .as_deref()
        .map(|sig| compare::signature(&stages, sig, strings.as_ref().map(|r| !r.differs)));
    if let (Some(report), Some(path)) = (&strings, &args.expect_string_to_sign) {
        writeln!(
            out,
            "\nCompared with the expected string to sign ({}):",
            input::label(path)
        )?;
        print_report(out, report)?;
    }
    if let Some(report) = &signature {
        writeln!(out, "\nCompared with the expected signature:")?;
        print_report(out, report)?;
    }
    verdict(out, strings.as_ref(), signature.as_ref())
}

fn request_lines(out: &mut dyn Write, s: &Stages) -> io::Result<()> {
    let kind = if s.mws {
        "an MWS call: the auth parameters were added"
    } else {
        "signed exactly as given"
    };
    writeln!(out, "Request ({kind})")?;
    writeln!(out, "  method     {}", s.method)?;
    match host_note(s) {
        Some(note) => writeln!(out, "  host       {}   ({note})", s.host)?,
        None => writeln!(out, "  host       {}", s.host)?,
    }
    writeln!(out, "  path       {}", s.path)?;
    if s.path_given.is_empty() {
        writeln!(out, "             (an empty path is signed as /)")?;
    } else if s.path_given != s.path {
        if let Some(carets) = marks::carets(&s.path) {
            writeln!(out, "             {carets}")?;
        }
        let escaped: Vec<_> = marks::escaped_chars(&s.path_given)
            .into_iter()
            .filter(|e| e.ch != '/')
            .collect();
        writeln!(
            out,
            "             from {}: each segment encoded, '/' kept: {}",
            s.path_given,
            marks::summary(&escaped)
        )?;
    }
    writeln!(out, "  algorithm  {}", s.signature_method)?;
    if let Some(feed) = &s.feed {
        writeln!(
            out,
            "  feed       {} (ContentMD5Value {})",
            input::label(&feed.path),
            feed.content_md5
        )?;
    }
    Ok(())
}

/// What the host line changed, if anything: case, a default port.
fn host_note(s: &Stages) -> Option<String> {
    if s.host_given == s.host {
        return None;
    }
    let lower = s.host_given.to_ascii_lowercase();
    let mut notes = Vec::new();
    if lower != s.host_given {
        notes.push("lowercased".to_owned());
    }
    if let Some(port) = lower
        .strip_prefix(s.host.as_str())
        .and_then(|rest| rest.strip_prefix(':'))
    {
        notes.push(format!("the default port :{port} of {} dropped", s.scheme));
    }
    Some(format!("from {}: {}", s.host_given, notes.join("; ")))
}

fn parameters(out: &mut dyn Write, s: &Stages) -> io::Result<()> {
    writeln!(
        out,
        "\nParameters: sorted by the bytes of their unencoded names (S3), then encoded (S2)"
    )?;
    if s.params.is_empty() {
        writeln!(out, "  (none)")?;
    }
    let width = s.params.len().to_string().len();
    let indent = " ".repeat(width + 4);
    let mut pieces = s.pieces();
    for (i, (name, value)) in s.params.iter().enumerate() {
        write!(
            out,
            "  {:>width$}  {} = {}",
            i + 1,
            shown(name),
            shown(value)
        )?;
        if name == "Signature" {
            writeln!(out, "   (skipped: Signature is never signed)")?;
            continue;
        }
        writeln!(out)?;
        let Some(piece) = pieces.next() else { continue };
        if piece.encoded != format!("{name}={value}") {
            writeln!(out, "{indent}{}", piece.encoded)?;
            if let Some(carets) = marks::carets(piece.encoded) {
                writeln!(out, "{indent}{carets}")?;
            }
            let escaped = marks::escaped_chars(&format!("{name}{value}"));
            if !escaped.is_empty() {
                writeln!(out, "{indent}{}", marks::summary(&escaped))?;
            }
        }
        if value.contains('~') || name.contains('~') {
            writeln!(
                out,
                "{indent}'~' stays as is [some encoders wrongly write %7E]"
            )?;
        }
    }
    Ok(())
}

/// A text as given, escaped only when it holds control characters.
fn shown(text: &str) -> String {
    if text.chars().any(char::is_control) {
        format!("{text:?}")
    } else {
        text.to_owned()
    }
}

fn stage_texts(out: &mut dyn Write, s: &Stages) -> io::Result<()> {
    writeln!(
        out,
        "\nCanonical query (S4): the encoded pairs joined by '&', Signature left out"
    )?;
    writeln!(out, "  {}", s.canonical_query)?;
    writeln!(
        out,
        "\nString to sign (S8): method, host, path, query; each line break shown as \\n"
    )?;
    writeln!(out, "{}", visible_newlines(&s.string_to_sign, "  "))?;
    writeln!(
        out,
        "\nSignature (S9): Base64 of {} over the string to sign, keyed with the Secret Key",
        s.signature_method
    )?;
    writeln!(out, "  {}", s.signature)?;
    let carrier = match (&s.feed, s.query_in_url()) {
        (Some(_), _) => "the URL query; the feed is the body",
        (None, true) => "the URL query",
        (None, false) => "the POST body",
    };
    writeln!(
        out,
        "\nSigned query (S10): the canonical query + &Signature=<encoded signature>; {carrier}"
    )?;
    writeln!(out, "  {}", s.signed_query)?;
    writeln!(out, "\nURL\n  {} {}", s.method, s.url())
}

fn print_report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for line in &report.lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn verdict(
    out: &mut dyn Write,
    strings: Option<&Report>,
    signature: Option<&Report>,
) -> CommandResult {
    let strings_differ = strings.is_some_and(|r| r.differs);
    let signature_differs = signature.is_some_and(|r| r.differs);
    let line = match (strings, signature) {
        (None, None) => {
            writeln!(
                out,
                "\nTo compare with another signer, add --expect-string-to-sign FILE and/or \
                 --expect-signature SIG."
            )?;
            return Ok(Outcome::Done);
        }
        _ if strings_differ => {
            "DIFFERENT: the strings to sign differ; fix the first difference above, the signature follows"
        }
        _ if signature_differs && strings.is_some() => {
            "DIFFERENT: same string to sign, different signature: the secret key or the algorithm differs"
        }
        _ if signature_differs => {
            "DIFFERENT: the signatures differ (add --expect-string-to-sign to find the stage)"
        }
        _ => "SAME: everything compared agrees",
    };
    writeln!(out, "\n{line}")?;
    Ok(if strings_differ || signature_differs {
        Outcome::Negative
    } else {
        Outcome::Done
    })
}
