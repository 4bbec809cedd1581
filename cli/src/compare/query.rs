//! The query line: the first parameter that differs, and what differs.

use super::{Report, encoding};
use crate::request::Stages;
use std::collections::{HashMap, HashSet};

/// One of our parameters: as given, and as the core encoded it.
struct Ours<'s> {
    name: &'s str,
    value: &'s str,
    enc_name: &'s str,
    enc_value: &'s str,
}

/// One piece of their query: as written, and decoded when it decodes.
struct Theirs<'t> {
    raw_name: &'t str,
    raw_value: &'t str,
    has_eq: bool,
    name: Option<String>,
    value: Option<String>,
}

impl Theirs<'_> {
    fn raw(&self) -> String {
        if self.has_eq {
            format!("{}={}", self.raw_name, self.raw_value)
        } else {
            self.raw_name.to_owned()
        }
    }

    fn shown_name(&self) -> &str {
        self.name.as_deref().unwrap_or(self.raw_name)
    }
}

fn ours_of(stages: &Stages) -> Vec<Ours<'_>> {
    stages
        .pieces()
        .map(|p| {
            let (enc_name, enc_value) = p.encoded.split_once('=').unwrap_or((p.encoded, ""));
            Ours {
                name: p.name,
                value: p.value,
                enc_name,
                enc_value,
            }
        })
        .collect()
}

fn theirs_of(query: &str) -> Vec<Theirs<'_>> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|piece| {
            let (raw_name, raw_value, has_eq) = match piece.split_once('=') {
                Some((n, v)) => (n, v, true),
                None => (piece, "", false),
            };
            Theirs {
                raw_name,
                raw_value,
                has_eq,
                name: encoding::decode(raw_name),
                value: encoding::decode(raw_value),
            }
        })
        .collect()
}

/// Compares the query lines and explains the first differing parameter.
pub fn compare(report: &mut Report, stages: &Stages, theirs: Option<&str>) {
    let Some(theirs) = theirs else {
        report.differ("query line  missing in theirs");
        return;
    };
    if theirs == stages.canonical_query {
        report.same(format!(
            "query line  ({} parameters)",
            stages.params.iter().filter(|p| p.0 != "Signature").count()
        ));
        return;
    }
    let ours = ours_of(stages);
    let their = theirs_of(theirs);
    let first = (0..=ours.len().max(their.len())).find(|&i| match (ours.get(i), their.get(i)) {
        (Some(o), Some(t)) => !t.has_eq || o.enc_name != t.raw_name || o.enc_value != t.raw_value,
        _ => true,
    });
    let i = first.unwrap_or(0);
    match (ours.get(i), their.get(i)) {
        (Some(o), Some(t)) => {
            report.differ(format!(
                "query line  first difference at parameter {} of {}: ours {}={}, theirs {}",
                i + 1,
                ours.len(),
                o.enc_name,
                o.enc_value,
                t.raw()
            ));
            explain_pair(report, &ours, &their, o, t);
        }
        (Some(o), None) => {
            report.differ(format!(
                "query line  theirs ends after {i} parameters; ours goes on with {}",
                o.name
            ));
        }
        (None, Some(t)) => {
            report.differ(format!(
                "query line  theirs has more parameters; the first extra is {}",
                t.raw()
            ));
            explain_extra(report, t);
        }
        (None, None) => {
            report.differ("query line  the same parameters, but the separators differ");
        }
    }
    if theirs.starts_with('&') || theirs.ends_with('&') || theirs.contains("&&") {
        report.detail("theirs has an empty piece (a leading, trailing or doubled '&')");
    }
    membership(report, &ours, &their);
}

/// The parameter at the first differing position, in both.
fn explain_pair(
    report: &mut Report,
    ours: &[Ours<'_>],
    their: &[Theirs<'_>],
    o: &Ours<'_>,
    t: &Theirs<'_>,
) {
    if t.name.as_deref() == Some(o.name) {
        if !t.has_eq {
            report.detail(format!(
                "theirs writes {} without '='; an empty value keeps it: {}= (S4)",
                t.raw_name, o.enc_name
            ));
        } else if o.enc_name != t.raw_name {
            report.detail(format!("the name {} is encoded differently:", o.name));
            for d in encoding::differences(o.name, o.enc_name, t.raw_name) {
                report.detail(format!("  {d}"));
            }
        } else {
            explain_value(report, o, t);
        }
        return;
    }
    let o_in_theirs = their.iter().any(|x| x.name.as_deref() == Some(o.name));
    let t_in_ours = t
        .name
        .as_deref()
        .is_some_and(|n| ours.iter().any(|x| x.name == n));
    match (o_in_theirs, t_in_ours) {
        (true, true) => {
            report.detail(format!(
                "order: ours puts {} before {}; {}",
                o.name,
                t.shown_name(),
                why_first(o.name, t.shown_name())
            ));
            report.detail("parameters are sorted by the bytes of their unencoded names (S3)");
        }
        (false, true) => {
            report.detail(format!("theirs lacks {}={}", o.name, o.value));
            hint_missing(report, o.name);
        }
        (true, false) => explain_extra(report, t),
        (false, false) => {
            report.detail(format!(
                "theirs lacks {} and has {} instead",
                o.name,
                t.shown_name()
            ));
            explain_extra(report, t);
        }
    }
}

/// Same parameter, different value text.
fn explain_value(report: &mut Report, o: &Ours<'_>, t: &Theirs<'_>) {
    match t.value.as_deref() {
        Some(v) if v == o.value => {
            report.detail(format!("the value of {} is encoded differently:", o.name));
            for d in encoding::differences(o.value, o.enc_value, t.raw_value) {
                report.detail(format!("  {d}"));
            }
        }
        Some(v) if encoding::decode(v).as_deref() == Some(o.value) => {
            report.detail(format!(
                "theirs encodes the value of {} twice ({}): encode each value once, from its plain text",
                o.name, t.raw_value
            ));
        }
        Some(v) => {
            report.detail(format!(
                "the values differ: ours {}, theirs {}",
                quoted(o.value),
                quoted(v)
            ));
            hint_value(report, o.name);
        }
        None => report.detail(format!(
            "theirs value {} is not valid percent-encoding of UTF-8 text",
            t.raw_value
        )),
    }
}

fn hint_value(report: &mut Report, name: &str) {
    let hint = match name {
        "Timestamp" => "sign with the same time: pass theirs with --timestamp",
        "AWSAccessKeyId" => "different Access Key IDs: compare with the same key",
        "SignatureMethod" => "different algorithms: see --signature-method",
        "Version" => "each API section has its own Version (see --section)",
        "SellerId" | "Merchant" => "different seller IDs",
        _ => return,
    };
    report.detail(hint);
}

fn hint_missing(report: &mut Report, name: &str) {
    if name == "MWSAuthToken" {
        report.detail("a developer acting for a seller must sign the seller's MWSAuthToken");
    } else if matches!(
        name,
        "AWSAccessKeyId"
            | "SignatureMethod"
            | "SignatureVersion"
            | "Timestamp"
            | "Version"
            | "Action"
    ) {
        report.detail("every auth parameter is signed like any other (S1)");
    }
}

fn explain_extra(report: &mut Report, t: &Theirs<'_>) {
    let name = t.shown_name();
    if name == "Signature" {
        report.detail("Signature itself is never part of the string to sign (S1)");
    } else if name == "MWSAuthToken"
        && matches!(
            t.value.as_deref(),
            Some("" | "None" | "none" | "null" | "undefined")
        )
    {
        report
            .detail("with no token, MWSAuthToken is left out, not sent empty or as None/undefined");
    } else {
        report.detail(format!("ours has no parameter {name}"));
    }
}

/// Every parameter found on one side only, and how many are written differently.
fn membership(report: &mut Report, ours: &[Ours<'_>], their: &[Theirs<'_>]) {
    let by_name: HashMap<&str, &Theirs<'_>> = their
        .iter()
        .filter_map(|t| t.name.as_deref().map(|n| (n, t)))
        .collect();
    let written_differently = ours
        .iter()
        .filter(|o| {
            by_name.get(o.name).is_some_and(|t| {
                !t.has_eq || t.raw_name != o.enc_name || t.raw_value != o.enc_value
            })
        })
        .count();
    if written_differently > 1 {
        report.detail(format!(
            "in all, {written_differently} parameters present in both are written differently"
        ));
    }
    let their_names: HashSet<&str> = their.iter().map(Theirs::shown_name).collect();
    let our_names: HashSet<&str> = ours.iter().map(|o| o.name).collect();
    let only_ours: Vec<&str> = ours
        .iter()
        .map(|o| o.name)
        .filter(|n| !their_names.contains(n))
        .collect();
    let only_theirs: Vec<&str> = their
        .iter()
        .map(Theirs::shown_name)
        .filter(|n| !our_names.contains(n))
        .collect();
    if !only_ours.is_empty() {
        report.detail(format!("only in ours: {}", list(&only_ours)));
    }
    if !only_theirs.is_empty() {
        report.detail(format!("only in theirs: {}", list(&only_theirs)));
    }
}

fn list(names: &[&str]) -> String {
    const SHOWN: usize = 8;
    let mut text = names
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// Why `a` sorts before `b` by bytes.
fn why_first(a: &str, b: &str) -> String {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let Some(k) = x.iter().zip(y).position(|(p, q)| p != q) else {
        return format!("{a} is a prefix of {b}, and a prefix sorts first (so .1 < .10 < .2)");
    };
    let (p, q) = (x[k], y[k]);
    let mut text = format!(
        "they first differ at byte {}: {} (0x{p:02X}) < {} (0x{q:02X})",
        k + 1,
        byte_name(p),
        byte_name(q)
    );
    if p.is_ascii_alphabetic()
        && q.is_ascii_alphabetic()
        && p.to_ascii_lowercase() > q.to_ascii_lowercase()
    {
        text.push_str(": bytes, not case-insensitive: every uppercase letter sorts before every lowercase one");
    } else if p.is_ascii_digit() && q.is_ascii_digit() {
        text.push_str(": bytes, not numbers");
    }
    text
}

fn byte_name(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", char::from(b))
    } else {
        format!("byte {b}")
    }
}

#[cfg(test)]
mod tests {
    use super::why_first;

    #[test]
    fn explains_byte_order() {
        assert!(why_first("AWSAccessKeyId", "Action").contains("uppercase letter sorts before"));
        assert!(why_first("ASIN.1", "ASIN.10").contains("prefix"));
        assert!(why_first("ASIN.10", "ASIN.2").contains("not numbers"));
    }
}
