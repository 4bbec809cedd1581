//! Turning stages into the texts `sign` prints: JSON, a curl command, and
//! the small helpers the readable views share.

use crate::request::Stages;
use mws_sign::{FORM_CONTENT_TYPE, UserAgent};
use serde_json::Value;

/// The `User-Agent` MWS required, in its escaped form (built by the core).
pub fn user_agent() -> String {
    UserAgent {
        app_name: "mws-sign",
        app_version: env!("CARGO_PKG_VERSION"),
        attributes: &[("Language", "Rust"), ("Platform", std::env::consts::OS)],
    }
    .to_string()
}

/// Every stage in one JSON object, the fields in the order of the stages.
pub fn json(stages: &Stages) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("method", stages.method.clone()),
        ("host", stages.host.clone()),
        ("path", stages.path.clone()),
        ("signature_method", stages.signature_method.to_owned()),
        ("canonical_query", stages.canonical_query.clone()),
        ("string_to_sign", stages.string_to_sign.clone()),
        ("signature", stages.signature.clone()),
        ("signed_query", stages.signed_query.clone()),
        ("url", stages.url()),
    ];
    if let Some(feed) = &stages.feed {
        fields.push(("content_md5", feed.content_md5.clone()));
    }
    let body: Vec<String> = fields
        .into_iter()
        .map(|(name, text)| format!("  {}: {}", Value::from(name), Value::from(text)))
        .collect();
    format!("{{\n{}\n}}", body.join(",\n"))
}

/// A ready-to-run curl command: a form POST with the signed query as body,
/// a feed upload with the query in the URL, or a query in the URL otherwise.
pub fn curl(stages: &Stages) -> String {
    let mut words: Vec<String> = vec!["curl".to_owned()];
    if stages.method != "GET" && stages.method != "POST" {
        words.push(format!("-X {}", shell_quote(&stages.method)));
    }
    words.push(shell_quote(&stages.url()));
    let user_agent = format!("User-Agent: {}", user_agent());
    match &stages.feed {
        Some(feed) => {
            words.push(format!(
                "-H {}",
                shell_quote("Content-Type: application/octet-stream")
            ));
            words.push(format!("-H {}", shell_quote(&user_agent)));
            let file = feed.path.to_string_lossy();
            words.push(format!(
                "--data-binary {}",
                shell_quote(&format!("@{file}"))
            ));
        }
        None if !stages.query_in_url() => {
            let content_type = format!("Content-Type: {FORM_CONTENT_TYPE}");
            words.push(format!("-H {}", shell_quote(&content_type)));
            words.push(format!("-H {}", shell_quote(&user_agent)));
            words.push(format!(
                "--data-binary {}",
                shell_quote(&stages.signed_query)
            ));
        }
        None => words.push(format!("-H {}", shell_quote(&user_agent))),
    }
    words.join(" \\\n  ")
}

/// Quotes a word for a POSIX shell: in single quotes, each `'` as `'\''`.
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// The string to sign with each line break shown as `\n` at the end of its
/// line, each line indented by `indent`.
pub fn visible_newlines(text: &str, indent: &str) -> String {
    let lines: Vec<String> = text.split('\n').map(|l| format!("{indent}{l}")).collect();
    lines.join("\\n\n")
}

/// A character as people can read it in a message.
pub fn describe_char(c: char) -> String {
    match c {
        ' ' => "space".to_owned(),
        '\t' => "tab".to_owned(),
        '\n' => "line feed".to_owned(),
        '\r' => "carriage return".to_owned(),
        c if c.is_control() => format!("U+{:04X}", u32::from(c)),
        c => format!("'{c}'"),
    }
}
