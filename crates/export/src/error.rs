//! The error type of tarjama-export: what went wrong, and on which line
//! of the input when it is known.

use std::fmt;
use std::io;

/// An error reading or writing a corpus file.
#[derive(Debug)]
pub struct ExportError {
    kind: ExportErrorKind,
    line: Option<u64>,
}

/// What kind of error an [`ExportError`] is.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportErrorKind {
    /// Reading or writing failed.
    Io(io::Error),
    /// A line is not a valid JSON pair record.
    Json(String),
    /// The XML is not well-formed, or not TMX/XLIFF as expected.
    Xml(String),
    /// A line or field does not have the shape the format requires.
    Malformed(String),
    /// The input uses a construct that is refused on purpose: a DTD, an
    /// entity declaration or an undefined entity reference.
    Refused(String),
    /// The format cannot do this (reading a write-only format, or Parquet
    /// without the `parquet` feature).
    Unsupported(String),
}

impl ExportError {
    pub(crate) fn new(kind: ExportErrorKind) -> ExportError {
        ExportError { kind, line: None }
    }

    pub(crate) fn io(err: io::Error) -> ExportError {
        ExportError::new(ExportErrorKind::Io(err))
    }

    pub(crate) fn json(line: u64, message: impl fmt::Display) -> ExportError {
        ExportError::new(ExportErrorKind::Json(message.to_string()))
            .at_line(line)
    }

    pub(crate) fn xml(message: impl fmt::Display) -> ExportError {
        ExportError::new(ExportErrorKind::Xml(message.to_string()))
    }

    pub(crate) fn malformed(message: impl fmt::Display) -> ExportError {
        ExportError::new(ExportErrorKind::Malformed(message.to_string()))
    }

    pub(crate) fn refused(message: impl fmt::Display) -> ExportError {
        ExportError::new(ExportErrorKind::Refused(message.to_string()))
    }

    pub(crate) fn unsupported(message: impl fmt::Display) -> ExportError {
        ExportError::new(ExportErrorKind::Unsupported(message.to_string()))
    }

    pub(crate) fn at_line(mut self, line: u64) -> ExportError {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ExportErrorKind {
        &self.kind
    }

    /// The 1-based line of the input the error is about, when known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// Whether this is an I/O error (as opposed to bad input).
    pub fn is_io_error(&self) -> bool {
        matches!(self.kind, ExportErrorKind::Io(_))
    }

    /// The message without the line number.
    pub fn message(&self) -> String {
        match &self.kind {
            ExportErrorKind::Io(err) => err.to_string(),
            ExportErrorKind::Json(msg) => {
                format!("invalid JSON record: {msg}")
            }
            ExportErrorKind::Xml(msg) => format!("invalid XML: {msg}"),
            ExportErrorKind::Malformed(msg)
            | ExportErrorKind::Unsupported(msg) => msg.clone(),
            ExportErrorKind::Refused(msg) => format!("refused: {msg}"),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message()),
            None => f.write_str(&self.message()),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ExportErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(err: io::Error) -> ExportError {
        ExportError::io(err)
    }
}
