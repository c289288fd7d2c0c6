//! The aligned pair record: the interchange format between tarjama's
//! aligner, its filters and its exporters.
//!
//! A [`PairRecordV1`] is one line of the JSONL stream that `tarjama align`
//! writes and `tarjama export` reads. It is a superset of the Hugging Face
//! translation schema (`{"translation": {"ar": …, "en": …}}`), so a file of
//! records loads directly with `datasets`. Fields may be added in later
//! versions; none may be removed (a breaking change gets a `PairRecordV2`).
//!
//! The crate also holds the small helpers that more than one crate needs:
//! language codes taken from file names ([`split_lang_suffix`]) and the
//! stable pair id ([`pair_id`]).
//!
//! # Example
//!
//! ```
//! use tarjama_record::{PairRecordV1, Role};
//!
//! let mut pair = PairRecordV1::new("ar", "مرحبا", "en", "Hello");
//! pair.doc = "interview-001".to_string();
//! pair.role = Role::Answer;
//! pair.set_indices(&[3, 4], &[5]);
//! pair.score = 0.91;
//! let line = pair.to_json_line()?;
//! assert!(line.starts_with(r#"{"translation":{"ar":"مرحبا","en":"Hello"}"#));
//! let back = PairRecordV1::from_json_line(&line)?;
//! assert_eq!(back, pair);
//! assert_eq!(back.id, "interview-001/ar=3,4/en=5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
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

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The structural role of the block a pair comes from.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The headline.
    Title,
    /// Dateline and lead paragraphs before the first question.
    Lead,
    /// An interviewer's question.
    Question,
    /// An interviewee's answer (paragraphs and bullet items).
    Answer,
    /// Anything else (plain paragraphs, unknown origin).
    #[default]
    Other,
}

impl Role {
    /// The lowercase name used in JSONL, TMX `<prop>` and CSV columns.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Lead => "lead",
            Role::Question => "question",
            Role::Answer => "answer",
            Role::Other => "other",
        }
    }

    /// Parses the name written by [`Role::as_str`]; unknown names give
    /// `None`.
    pub fn parse(name: &str) -> Option<Role> {
        Some(match name {
            "title" => Role::Title,
            "lead" => Role::Lead,
            "question" => Role::Question,
            "answer" => Role::Answer,
            "other" => Role::Other,
            _ => return None,
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One aligned pair of segments, version 1 of the on-disk record.
///
/// `translation` and `idx` are keyed by language code (BCP 47 primary
/// subtag). They are ordered maps so that serialization is byte-stable.
/// The source language is the first key of `src_lang`/`tgt_lang` order as
/// recorded in [`PairRecordV1::langs`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairRecordV1 {
    /// The two sides, keyed by language code.
    pub translation: BTreeMap<String, String>,
    /// Document name (the `NAME` of `NAME.ar.txt`); empty when unknown.
    #[serde(default)]
    pub doc: String,
    /// Index of the aligned block in the document (0-based).
    #[serde(default)]
    pub block: u32,
    /// Structural role of the block.
    #[serde(default)]
    pub role: Role,
    /// Sentence indices of each side in its document (0-based, after
    /// segmentation). Empty for a side that has no sentence (a 1-0 pair).
    #[serde(default)]
    pub idx: BTreeMap<String, Vec<u32>>,
    /// Alignment confidence in `[0, 1]`.
    #[serde(default = "default_score")]
    pub score: f64,
    /// Stable id derived from `doc` and `idx` by [`pair_id`].
    #[serde(default)]
    pub id: String,
    /// Source and target language codes, in that order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub langs: Option<[String; 2]>,
    /// Warnings attached by the aligner or filters (for example
    /// `lang-mismatch:en`). Omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

fn default_score() -> f64 {
    1.0
}

impl PairRecordV1 {
    /// A record holding two segments, with no document information and a
    /// score of 1.
    pub fn new(
        src_lang: &str,
        src: &str,
        tgt_lang: &str,
        tgt: &str,
    ) -> PairRecordV1 {
        let mut translation = BTreeMap::new();
        translation.insert(src_lang.to_string(), src.to_string());
        translation.insert(tgt_lang.to_string(), tgt.to_string());
        PairRecordV1 {
            translation,
            doc: String::new(),
            block: 0,
            role: Role::Other,
            idx: BTreeMap::new(),
            score: 1.0,
            id: String::new(),
            langs: Some([src_lang.to_string(), tgt_lang.to_string()]),
            flags: Vec::new(),
        }
    }

    /// The source and target language codes: from `langs` when present,
    /// else the keys of `translation` in order.
    pub fn lang_pair(&self) -> Option<(&str, &str)> {
        if let Some([src, tgt]) = &self.langs {
            return Some((src, tgt));
        }
        let mut keys = self.translation.keys();
        Some((keys.next()?, keys.next()?))
    }

    /// The source segment (empty when missing).
    pub fn src(&self) -> &str {
        self.side(0)
    }

    /// The target segment (empty when missing).
    pub fn tgt(&self) -> &str {
        self.side(1)
    }

    fn side(&self, which: usize) -> &str {
        let Some((src, tgt)) = self.lang_pair() else { return "" };
        let lang = if which == 0 { src } else { tgt };
        self.translation.get(lang).map_or("", String::as_str)
    }

    /// Sets the sentence indices of both sides and recomputes `id`.
    pub fn set_indices(&mut self, src_idx: &[u32], tgt_idx: &[u32]) {
        let Some((src, tgt)) = self.lang_pair() else { return };
        let (src, tgt) = (src.to_string(), tgt.to_string());
        self.idx.insert(src, src_idx.to_vec());
        self.idx.insert(tgt, tgt_idx.to_vec());
        self.id = pair_id(&self.doc, &self.idx);
    }

    /// Serializes the record as one JSON line (without the newline).
    pub fn to_json_line(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Parses one JSON line. A record without `id` gets one derived from
    /// `doc` and `idx`.
    pub fn from_json_line(
        line: &str,
    ) -> Result<PairRecordV1, serde_json::Error> {
        let mut record: PairRecordV1 = serde_json::from_str(line)?;
        if record.id.is_empty() && !record.idx.is_empty() {
            record.id = pair_id(&record.doc, &record.idx);
        }
        Ok(record)
    }
}

/// The stable id of a pair: `doc/lang=i,j/lang=k`, languages in code order.
///
/// ```
/// use std::collections::BTreeMap;
/// let mut idx = BTreeMap::new();
/// idx.insert("en".to_string(), vec![5]);
/// idx.insert("ar".to_string(), vec![3, 4]);
/// assert_eq!(tarjama_record::pair_id("doc", &idx), "doc/ar=3,4/en=5");
/// ```
pub fn pair_id(doc: &str, idx: &BTreeMap<String, Vec<u32>>) -> String {
    let mut id = String::from(doc);
    for (lang, indices) in idx {
        id.push('/');
        id.push_str(lang);
        id.push('=');
        for (n, i) in indices.iter().enumerate() {
            if n > 0 {
                id.push(',');
            }
            id.push_str(&i.to_string());
        }
    }
    id
}

/// Splits `NAME.LANG.EXT` (or `NAME.LANG`) into `NAME` and `LANG` when
/// `LANG` looks like a BCP 47 primary subtag (2 or 3 ASCII letters).
///
/// ```
/// use tarjama_record::split_lang_suffix;
/// assert_eq!(split_lang_suffix("water.ar.txt"), Some(("water", "ar")));
/// assert_eq!(split_lang_suffix("corpus.en"), Some(("corpus", "en")));
/// assert_eq!(split_lang_suffix("notes.txt"), None);
/// ```
pub fn split_lang_suffix(file_name: &str) -> Option<(&str, &str)> {
    let is_lang = |s: &str| {
        (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
    };
    let (stem, last) = file_name.rsplit_once('.')?;
    if let Some((name, lang)) = stem.rsplit_once('.') {
        if is_lang(lang) && !name.is_empty() {
            return Some((name, lang));
        }
    }
    if is_lang(last) && last != "txt" && !stem.is_empty() {
        return Some((stem, last));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugging_face_shape_and_round_trip() {
        let mut pair = PairRecordV1::new("ar", "س", "en", "Q");
        pair.doc = "d".into();
        pair.set_indices(&[], &[0]);
        let line = pair.to_json_line().unwrap();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["translation"]["en"], "Q");
        assert_eq!(value["idx"]["ar"], serde_json::json!([]));
        assert_eq!(PairRecordV1::from_json_line(&line).unwrap(), pair);
    }

    #[test]
    fn minimal_hugging_face_row_is_readable() {
        let pair = PairRecordV1::from_json_line(
            r#"{"translation": {"ar": "نعم", "en": "Yes"}}"#,
        )
        .unwrap();
        assert_eq!(pair.lang_pair(), Some(("ar", "en")));
        assert_eq!(pair.src(), "نعم");
        assert_eq!(pair.tgt(), "Yes");
        assert_eq!(pair.score, 1.0);
    }

    #[test]
    fn roles_round_trip() {
        for role in [
            Role::Title,
            Role::Lead,
            Role::Question,
            Role::Answer,
            Role::Other,
        ] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("caption"), None);
    }
}
