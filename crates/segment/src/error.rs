//! The error type of the crate. Segmentation itself never fails; only
//! parsing settings (such as a language tag) can.

use std::fmt;

/// An error from parsing segmenter settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentError {
    kind: SegmentErrorKind,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SegmentErrorKind {
    /// A language tag that is not 2 or 3 ASCII letters (plus subtags).
    BadLanguage(String),
}

impl SegmentError {
    /// What went wrong.
    pub fn kind(&self) -> &SegmentErrorKind {
        &self.kind
    }

    pub(crate) fn bad_language(code: &str) -> SegmentError {
        SegmentError { kind: SegmentErrorKind::BadLanguage(code.to_string()) }
    }
}

impl fmt::Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SegmentErrorKind::BadLanguage(code) => write!(
                f,
                "bad language tag {code:?} (expected 2 or 3 letters, \
                 such as ar or en)"
            ),
        }
    }
}

impl std::error::Error for SegmentError {}
