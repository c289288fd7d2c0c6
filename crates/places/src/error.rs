//! The error type of this crate.

use std::fmt;

/// An error from this crate: a gazetteer file that cannot be read.
///
/// Every error names the source (a file name or any label the caller gave
/// the loader) and, where it applies, the 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacesError {
    kind: PlacesErrorKind,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlacesErrorKind {
    /// A row of a gazetteer file that does not follow its format.
    Malformed {
        /// The source's name, as given to the loader.
        source: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with the row.
        message: String,
    },
    /// A name (of a format, kind or convention) that is not known.
    UnknownName {
        /// What kind of name it was.
        what: &'static str,
        /// The name given.
        name: String,
    },
}

impl PlacesError {
    /// What went wrong.
    pub fn kind(&self) -> &PlacesErrorKind {
        &self.kind
    }

    /// The 1-based line of a malformed row, if the error is one.
    pub fn line(&self) -> Option<usize> {
        match &self.kind {
            PlacesErrorKind::Malformed { line, .. } => Some(*line),
            PlacesErrorKind::UnknownName { .. } => None,
        }
    }

    pub(crate) fn malformed(
        source: &str,
        line: usize,
        message: impl Into<String>,
    ) -> Self {
        PlacesError {
            kind: PlacesErrorKind::Malformed {
                source: source.to_owned(),
                line,
                message: message.into(),
            },
        }
    }

    pub(crate) fn unknown_name(what: &'static str, name: &str) -> Self {
        PlacesError {
            kind: PlacesErrorKind::UnknownName { what, name: name.to_owned() },
        }
    }
}

impl fmt::Display for PlacesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            PlacesErrorKind::Malformed { source, line, message } => {
                write!(f, "{source}:{line}: {message}")
            }
            PlacesErrorKind::UnknownName { what, name } => {
                write!(f, "unknown {what} {name:?}")
            }
        }
    }
}

impl std::error::Error for PlacesError {}
