//! The error type of this crate.

use std::fmt;

/// An error from this crate: an unknown profile or scheme name, or text
/// that cannot be de-romanized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslitError {
    kind: TranslitErrorKind,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranslitErrorKind {
    /// A name (of a profile or a scheme) that is not known.
    UnknownName {
        /// What kind of name it was ("profile", "scheme").
        what: &'static str,
        /// The name given.
        name: String,
    },
    /// A character that the scheme cannot turn back into Arabic script.
    InvalidCharacter {
        /// The character.
        ch: char,
        /// Its byte offset in the input.
        offset: usize,
    },
    /// The scheme has no reverse mapping.
    NotReversible {
        /// The scheme's name.
        scheme: &'static str,
    },
}

impl TranslitError {
    /// What went wrong.
    pub fn kind(&self) -> &TranslitErrorKind {
        &self.kind
    }

    pub(crate) fn unknown_name(what: &'static str, name: &str) -> Self {
        TranslitError {
            kind: TranslitErrorKind::UnknownName {
                what,
                name: name.to_owned(),
            },
        }
    }

    pub(crate) fn invalid_character(ch: char, offset: usize) -> Self {
        TranslitError {
            kind: TranslitErrorKind::InvalidCharacter { ch, offset },
        }
    }

    pub(crate) fn not_reversible(scheme: &'static str) -> Self {
        TranslitError { kind: TranslitErrorKind::NotReversible { scheme } }
    }
}

impl fmt::Display for TranslitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TranslitErrorKind::UnknownName { what, name } => {
                write!(f, "unknown {what} {name:?}")
            }
            TranslitErrorKind::InvalidCharacter { ch, offset } => write!(
                f,
                "character {ch:?} (U+{:04X}) at byte {offset} has no Arabic \
                 equivalent in this scheme",
                u32::from(*ch)
            ),
            TranslitErrorKind::NotReversible { scheme } => {
                write!(f, "the {scheme} scheme cannot be reversed")
            }
        }
    }
}

impl std::error::Error for TranslitError {}
