//! Diagnostics: problems in the input that still give a usable
//! alignment (alignment itself never fails).

use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; the result is as good as usual.
    Note,
    /// The result is usable but probably worse than usual.
    Warning,
}

/// A problem noticed while aligning, with where it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A short stable code (`empty-side`, `band-limit`, `dict-line`, …).
    pub code: &'static str,
    /// A human-readable message.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn note(code: &'static str, message: String) -> Diagnostic {
        Diagnostic { severity: Severity::Note, code, message }
    }

    pub(crate) fn warning(code: &'static str, message: String) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, code, message }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
        };
        write!(f, "{level}[{}]: {}", self.code, self.message)
    }
}
