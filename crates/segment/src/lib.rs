//! Document structure and sentence segmentation for bilingual interviews
//! in Arabic, English and (by generic rules) other languages.
//!
//! [`Document::parse`] reads a plain-text document (a news interview:
//! headline, dateline, lead, questions and answers with bullet lists,
//! captions, pull quotes, site boilerplate) into [`Block`]s of a
//! [`BlockKind`], each holding its [`Sentence`]s with byte spans into the
//! input and a global sentence index. Structural markers (`Q:`, `س:`,
//! `A:`, `ج:`, bullet glyphs) are stripped from the sentences and kept in
//! [`Block::marker`]. Captions, pull quotes and boilerplate are labelled,
//! not dropped, so that alignment can leave them out.
//! [`Document::from_presegmented`] reads one sentence per line instead.
//!
//! [`split_sentences`] is the sentence splitter on its own: the Unicode
//! sentence rules of `unicode-segmentation`, corrected for abbreviations,
//! initials, numbers, ellipses, quotes, brackets and Arabic punctuation
//! (see the [`sentence`] module for the rules).
//!
//! The crate does no I/O and never panics; odd input gives
//! [`Diagnostic`]s.
//!
//! # Example
//!
//! ```
//! use tarjama_segment::{BlockKind, Document, Lang};
//!
//! let text = "\u{FEFF}Water chief: stations at half capacity\r\n\
//!             DEIR EZZOR, Sept. 3, 2024 —\r\n\
//!             Q: What is the state of the stations?\r\n\
//!             A: Three of six work.  Dr. Khalil\u{00A0}says more will.\r\n\
//!             - Pumps are old.\r\n\
//!             Read more: Farmers count their losses\r\n";
//! let doc = Document::parse(text, Lang::En);
//! let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(
//!     kinds,
//!     [
//!         BlockKind::Title,
//!         BlockKind::Dateline,
//!         BlockKind::Question,
//!         BlockKind::Answer,
//!         BlockKind::Bullet,
//!         BlockKind::Boilerplate,
//!     ]
//! );
//! let answer = &doc.blocks[3];
//! assert_eq!(answer.marker.as_ref().map(|m| m.text.as_str()), Some("A:"));
//! assert_eq!(answer.turn, Some(0));
//! let texts: Vec<&str> =
//!     answer.sentences.iter().map(|s| s.text.as_str()).collect();
//! assert_eq!(texts, ["Three of six work.", "Dr. Khalil\u{00A0}says more will."]);
//! assert_eq!(answer.sentences[0].index, 3);
//! assert_eq!(&text[answer.sentences[0].span.clone()], "Three of six work.");
//! assert_eq!(doc.sentence_count(), 7);
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod chars;
mod document;
mod error;
mod lang;
mod markers;
pub mod sentence;

pub use document::{
    Block, BlockKind, Diagnostic, DiagnosticKind, Document, Marker,
    MarkerKind, SegmentOptions, Sentence,
};
pub use error::{SegmentError, SegmentErrorKind};
pub use lang::Lang;
pub use sentence::split_sentences;
pub use tarjama_record::Role;
