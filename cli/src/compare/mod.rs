//! Comparing with another signer's output: at which stage the two differ,
//! on which line of the string to sign, at which parameter, and why.
//!
//! This is the offline stand-in for the retired MWS Scratchpad: given the
//! string to sign (or signature) some other library produced for the same
//! request, it names the first thing that differs and the rule behind it.

mod encoding;
mod lines;
mod query;
mod signature;

pub use lines::string_to_sign;
pub use signature::signature;

/// The outcome of one comparison: lines to print, and whether anything differs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// What to print, one entry a line (already indented).
    pub lines: Vec<String>,
    /// Whether a difference was found.
    pub differs: bool,
}

impl Report {
    /// Records something that agrees.
    pub fn same(&mut self, line: impl Into<String>) {
        self.lines.push(format!("  same     {}", line.into()));
    }

    /// Records a difference.
    pub fn differ(&mut self, line: impl Into<String>) {
        self.differs = true;
        self.lines.push(format!("  DIFFERS  {}", line.into()));
    }

    /// Adds an explanation under the previous line.
    pub fn detail(&mut self, line: impl Into<String>) {
        self.lines.push(format!("           {}", line.into()));
    }

    /// Adds a neutral remark.
    pub fn note(&mut self, line: impl Into<String>) {
        self.lines.push(format!("  note     {}", line.into()));
    }
}
