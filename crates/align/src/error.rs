//! The error type of tarjama-align: returned only where the caller gets
//! no usable result (an unreadable dictionary or gold alignment).

use std::fmt;

/// An error from parsing an input that tarjama-align cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignError {
    kind: AlignErrorKind,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AlignErrorKind {
    /// A line of a gold alignment file is not `[i,j]:[k]`.
    BadGoldLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl AlignError {
    pub(crate) fn bad_gold_line(line: usize, message: &str) -> AlignError {
        AlignError {
            kind: AlignErrorKind::BadGoldLine {
                line,
                message: message.to_string(),
            },
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> &AlignErrorKind {
        &self.kind
    }
}

impl fmt::Display for AlignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            AlignErrorKind::BadGoldLine { line, message } => {
                write!(f, "line {line}: {message}")
            }
        }
    }
}

impl std::error::Error for AlignError {}
