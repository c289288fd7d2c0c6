//! Sentence alignment of translated documents (Arabic–English first),
//! with calibrated confidence scores and built-in evaluation.
//!
//! An [`Aligner`] built from [`AlignOptions`] turns two documents — lists
//! of sentences, pre-segmented text, or raw interviews segmented by
//! `tarjama-segment` — into an [`Alignment`]: a list of [`Link`]s, each
//! pairing zero or more source sentences with zero or more target
//! sentences, with a confidence score in `[0, 1]`. Alignment never fails:
//! problems in the input come back as [`Diagnostic`]s beside the result.
//! [`Alignment::to_records`] turns it into the project's JSONL pair
//! records ([`tarjama_record::PairRecordV1`]).
//!
//! The search is a banded dynamic programme over 0-1, 1-0, 1-1, 1-2,
//! 2-1, 2-2, 1-3 and 3-1 beads. A bead's cost is its prior minus the
//! evidence that its two sides translate each other: a length model in
//! the Gale–Church family whose ratio and variance adapt to each
//! document, and anchors that need no dictionary (numbers after digit
//! normalization, Latin tokens inside Arabic text, cross-script names,
//! punctuation, document structure), plus an optional [`Dictionary`].
//! [`eval`] scores an alignment against a gold one as vecalign's scorer
//! does, and [`synth`] builds perturbed test documents.
//!
//! # Example
//!
//! ```
//! use tarjama_align::{AlignOptions, Aligner};
//!
//! let ar = ["قال إنه وصل في عام ٢٠١٩.", "هل كانت المياه نظيفة؟", "لا."];
//! let en = ["He said he arrived in 2019.", "Was the water clean?", "No."];
//! let aligner = Aligner::new(AlignOptions::default());
//! let (alignment, diagnostics) = aligner.align_sentences(&ar, &en);
//! assert!(diagnostics.is_empty());
//! let links: Vec<_> = alignment.index_links();
//! assert_eq!(links[0], (vec![0], vec![0]));
//! assert_eq!(links[1], (vec![1], vec![1]));
//! let records = alignment.to_records("demo");
//! assert_eq!(records[1].translation["en"], "Was the water clean?");
//! assert!(records.iter().all(|r| (0.0..=1.0).contains(&r.score)));
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

mod diag;
mod dict;
mod dp;
mod error;
pub mod eval;
mod features;
mod langcheck;
mod model;
mod sentence;
pub mod synth;

pub use diag::{Diagnostic, Severity};
pub use dict::Dictionary;
pub use error::{AlignError, AlignErrorKind};
pub use eval::{Evaluation, IndexLink, Scores};
pub use features::Kind;

use tarjama_record::{PairRecordV1, Role};
use tarjama_segment::{BlockKind, Document, Lang};

use crate::features::{Features, NameKeyFn, Script};
use crate::model::{LengthModel, Params, Priors, Weights};
use crate::sentence::RunSettings;

/// Options of an [`Aligner`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AlignOptions {
    /// Source language code (BCP 47 primary subtag), default `ar`.
    pub src_lang: String,
    /// Target language code, default `en`.
    pub tgt_lang: String,
    /// Use sentence lengths only (plain Gale–Church with the adaptive
    /// length model): no anchors, structure or dictionary.
    pub length_only: bool,
    /// Adapt the length model and bead priors to each document with a
    /// second pass (default true).
    pub adapt: bool,
    /// Largest group of sentences on one side of a link: 2, or 3 to
    /// allow 1-3 and 3-1 links (default 3).
    pub max_group: usize,
    /// Initial half-width of the search band, in sentences (default 32);
    /// it doubles wherever the best path touches its edge.
    pub band: usize,
    /// Upper bound on dynamic-programming cells (about 41 bytes each:
    /// 32 for the cached bead costs, 9 for the scores); default 40
    /// million (about 1.6 GB; a 100,000-sentence document uses 3–4
    /// million).
    pub max_cells: usize,
    /// Flag pairs whose sides are not in their language (whatlang).
    pub check_lang: bool,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            src_lang: "ar".to_string(),
            tgt_lang: "en".to_string(),
            length_only: false,
            adapt: true,
            max_group: 3,
            band: 32,
            max_cells: 40_000_000,
            check_lang: true,
        }
    }
}

/// One link of an alignment: source sentences paired with target
/// sentences (either side may be empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Source sentence indices (0-based, ascending).
    pub src: Vec<u32>,
    /// Target sentence indices (0-based, ascending).
    pub tgt: Vec<u32>,
    /// Confidence that the link is right, in `[0, 1]`.
    pub score: f64,
    /// Index of the aligned block pair the link belongs to.
    pub block: u32,
    /// Structural role of the link.
    pub role: Role,
    /// Warnings (`lang-mismatch:en`, `aside:caption`, …).
    pub flags: Vec<String>,
}

/// The result of aligning two documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Source language code.
    pub src_lang: String,
    /// Target language code.
    pub tgt_lang: String,
    /// Source sentences, in document order.
    pub src: Vec<String>,
    /// Target sentences, in document order.
    pub tgt: Vec<String>,
    /// Links in document order; every sentence is in exactly one link.
    pub links: Vec<Link>,
}

impl Alignment {
    /// The links as index pairs (for [`eval`]).
    pub fn index_links(&self) -> Vec<IndexLink> {
        self.links.iter().map(|l| (l.src.clone(), l.tgt.clone())).collect()
    }

    /// The text of a group of sentences, joined by spaces.
    fn join(sentences: &[String], indices: &[u32]) -> String {
        let mut out = String::new();
        for &i in indices {
            if let Some(s) = sentences.get(i as usize) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(s);
            }
        }
        out
    }

    /// The source and target text of a link.
    pub fn texts(&self, link: &Link) -> (String, String) {
        (Self::join(&self.src, &link.src), Self::join(&self.tgt, &link.tgt))
    }

    /// Pair records for document `doc`, one per link, in order (one-sided
    /// links included, with an empty side and empty `idx` list).
    pub fn to_records(&self, doc: &str) -> Vec<PairRecordV1> {
        self.links
            .iter()
            .map(|link| {
                let (src, tgt) = self.texts(link);
                let mut record = PairRecordV1::new(
                    &self.src_lang,
                    &src,
                    &self.tgt_lang,
                    &tgt,
                );
                record.doc = doc.to_string();
                record.block = link.block;
                record.role = link.role;
                record.score = link.score;
                record.flags = link.flags.clone();
                record.set_indices(&link.src, &link.tgt);
                record
            })
            .collect()
    }
}

/// A sentence with its place in the document structure.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// The sentence text.
    pub text: String,
    /// Structural kind of its block.
    pub kind: Kind,
    /// Index of its block in its document.
    pub block: u32,
    /// The role its pairs get.
    pub role: Role,
}

impl Sentence {
    /// The sentences of a segmented document, with their block kinds.
    pub fn from_document(doc: &Document) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(doc.sentence_count());
        for block in &doc.blocks {
            let kind = match block.kind {
                BlockKind::Title => Kind::Title,
                BlockKind::Dateline | BlockKind::Lead => Kind::Lead,
                BlockKind::Question => Kind::Question,
                BlockKind::Answer => Kind::Answer,
                BlockKind::Bullet => match block.role {
                    Role::Lead => Kind::Lead,
                    _ => Kind::Answer,
                },
                BlockKind::Caption => Kind::Caption,
                BlockKind::PullQuote => Kind::PullQuote,
                BlockKind::Boilerplate => Kind::Boilerplate,
                _ => Kind::Paragraph,
            };
            for sentence in &block.sentences {
                out.push(Sentence {
                    text: sentence.text.clone(),
                    kind,
                    block: u32::try_from(block.index).unwrap_or(u32::MAX),
                    role: block.role,
                });
            }
        }
        out
    }

    /// Sentences split elsewhere (a gold `.sents` file, another
    /// segmenter) placed into the structure of `doc`, the segmentation of
    /// `text`: each sentence is found in `text` (in order) and takes the
    /// kind and block of the block that contains it. A sentence that is
    /// not found takes the structure of the one before it.
    pub fn place_in(
        text: &str,
        doc: &Document,
        sentences: &[impl AsRef<str>],
    ) -> Vec<Sentence> {
        let blocks = Sentence::from_document(doc);
        // (byte start, sentence) of the document's own sentences.
        let starts: Vec<(usize, &Sentence)> =
            doc.sentences().map(|s| s.span.start).zip(&blocks).collect();
        let mut cursor = 0;
        let mut last: Option<&Sentence> = None;
        let mut out = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            let wanted = sentence.as_ref().trim();
            let found = text
                .get(cursor..)
                .and_then(|rest| rest.find(wanted))
                .map(|offset| cursor + offset);
            if let Some(at) = found {
                cursor = at + wanted.len();
                let before = starts.partition_point(|(start, _)| *start <= at);
                let owner = before
                    .checked_sub(1)
                    .and_then(|k| starts.get(k))
                    .map(|(_, s)| *s);
                last = owner.or(last);
            }
            let (kind, block, role) = last
                .map_or((Kind::Paragraph, 0, Role::Other), |s| {
                    (s.kind, s.block, s.role)
                });
            out.push(Sentence { text: wanted.to_string(), kind, block, role });
        }
        out
    }
}

/// Aligns documents; see the [crate documentation](crate).
#[derive(Clone, Debug)]
pub struct Aligner {
    options: AlignOptions,
    dictionary: Option<Dictionary>,
}

impl Aligner {
    /// An aligner with these options and no dictionary.
    pub fn new(options: AlignOptions) -> Aligner {
        Aligner { options, dictionary: None }
    }

    /// Adds a bilingual dictionary as lexical evidence.
    pub fn with_dictionary(mut self, dictionary: Dictionary) -> Aligner {
        self.dictionary = Some(dictionary);
        self
    }

    /// The options in use.
    pub fn options(&self) -> &AlignOptions {
        &self.options
    }

    /// Aligns two plain lists of sentences (no structure).
    pub fn align_sentences<S: AsRef<str>>(
        &self,
        src: &[S],
        tgt: &[S],
    ) -> (Alignment, Vec<Diagnostic>) {
        let plain = |list: &[S]| -> Vec<Sentence> {
            list.iter()
                .map(|s| Sentence {
                    text: s.as_ref().to_string(),
                    kind: Kind::Paragraph,
                    block: 0,
                    role: Role::Other,
                })
                .collect()
        };
        self.align_structured(&plain(src), &plain(tgt))
    }

    /// Aligns pre-segmented texts: one sentence per line, a blank line
    /// between paragraphs (segmented by `tarjama-segment`, which also
    /// labels captions and boilerplate lines).
    pub fn align_presegmented(
        &self,
        src_text: &str,
        tgt_text: &str,
    ) -> (Alignment, Vec<Diagnostic>) {
        let src = Document::from_presegmented(src_text, self.src_seg_lang());
        let tgt = Document::from_presegmented(tgt_text, self.tgt_seg_lang());
        self.align_documents(&src, &tgt)
    }

    /// Segments two raw documents (interviews or plain paragraphs) with
    /// `tarjama-segment` and aligns them.
    pub fn align_texts(
        &self,
        src_text: &str,
        tgt_text: &str,
    ) -> (Alignment, Vec<Diagnostic>) {
        let src = Document::parse(src_text, self.src_seg_lang());
        let tgt = Document::parse(tgt_text, self.tgt_seg_lang());
        self.align_documents(&src, &tgt)
    }

    /// Aligns two segmented documents. Block structure is evidence: links
    /// prefer to start and end where blocks do, titles go with titles and
    /// questions with questions, and captions, pull quotes and
    /// boilerplate are never paired with running text.
    pub fn align_documents(
        &self,
        src: &Document,
        tgt: &Document,
    ) -> (Alignment, Vec<Diagnostic>) {
        self.align_structured(
            &Sentence::from_document(src),
            &Sentence::from_document(tgt),
        )
    }

    fn src_seg_lang(&self) -> Lang {
        Lang::from_code(&self.options.src_lang)
    }

    fn tgt_seg_lang(&self) -> Lang {
        Lang::from_code(&self.options.tgt_lang)
    }

    /// Aligns two documents given as sentences with structure (block
    /// kinds and block indices).
    pub fn align_structured(
        &self,
        src: &[Sentence],
        tgt: &[Sentence],
    ) -> (Alignment, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let opts = &self.options;
        let dictionary = self
            .dictionary
            .as_ref()
            .filter(|d| !opts.length_only && !d.is_empty());
        // Only the dictionary reads the words, on the target side.
        let src_feats =
            self.features(src, Script::of_lang(&opts.src_lang), false);
        let tgt_feats = self.features(
            tgt,
            Script::of_lang(&opts.tgt_lang),
            dictionary.is_some(),
        );
        let dict_evidence: Vec<Vec<Vec<u64>>> = match dictionary {
            Some(d) => src.iter().map(|s| d.lookup(&s.text)).collect(),
            None => Vec::new(),
        };
        if src.is_empty() || tgt.is_empty() {
            diagnostics.push(Diagnostic::warning(
                "empty-side",
                format!(
                    "one side has no sentence ({} source, {} target); every \
                     sentence is left unaligned",
                    src.len(),
                    tgt.len()
                ),
            ));
        }
        let settings = RunSettings {
            params: Params {
                length: LengthModel::DEFAULT,
                priors: Priors::DEFAULT,
                weights: Weights::DEFAULT,
                anchors: !opts.length_only,
                max_group: opts.max_group.clamp(1, 3),
            },
            adapt: opts.adapt,
            band: opts.band.max(4),
            full_search_below: 300,
            max_cells: opts.max_cells.max(1_000),
            temperature: 1.0,
        };
        let beads = sentence::align(
            &src_feats,
            &tgt_feats,
            &dict_evidence,
            &settings,
            &mut diagnostics,
        );
        let mut links = Vec::with_capacity(beads.len());
        let mut block_id: u32 = 0;
        let mut last_blocks: Option<(Option<u32>, Option<u32>)> = None;
        for bead in &beads {
            let src_idx: Vec<u32> =
                (bead.i..bead.i + bead.di).map(|i| i as u32).collect();
            let tgt_idx: Vec<u32> =
                (bead.j..bead.j + bead.dj).map(|j| j as u32).collect();
            let src_first = src_idx.first().and_then(|&i| src.get(i as usize));
            let tgt_first = tgt_idx.first().and_then(|&j| tgt.get(j as usize));
            let blocks =
                (src_first.map(|s| s.block), tgt_first.map(|t| t.block));
            // A new aligned block starts when either side moves on to
            // another of its blocks.
            if let Some((ps, pt)) = last_blocks {
                let src_moved = blocks.0.is_some_and(|s| Some(s) != ps);
                let tgt_moved = blocks.1.is_some_and(|t| Some(t) != pt);
                if src_moved || tgt_moved {
                    block_id += 1;
                }
            }
            let previous = last_blocks.unwrap_or((None, None));
            last_blocks =
                Some((blocks.0.or(previous.0), blocks.1.or(previous.1)));
            let kind = src_first
                .map(|s| s.kind)
                .filter(|k| *k != Kind::Paragraph)
                .or(tgt_first.map(|t| t.kind))
                .unwrap_or_default();
            let mut flags = Vec::new();
            if kind.is_aside() {
                flags.push(format!("aside:{}", kind_name(kind)));
            }
            let mut link = Link {
                src: src_idx,
                tgt: tgt_idx,
                score: calibrate(bead.posterior, bead.di, bead.dj),
                block: block_id,
                role: src_first.or(tgt_first).map_or(Role::Other, |s| s.role),
                flags,
            };
            if opts.check_lang {
                let (s, t) =
                    (join_texts(src, &link.src), join_texts(tgt, &link.tgt));
                if !s.is_empty() && langcheck::mismatch(&s, &opts.src_lang) {
                    link.flags
                        .push(format!("lang-mismatch:{}", opts.src_lang));
                }
                if !t.is_empty() && langcheck::mismatch(&t, &opts.tgt_lang) {
                    link.flags
                        .push(format!("lang-mismatch:{}", opts.tgt_lang));
                }
            }
            links.push(link);
        }
        let alignment = Alignment {
            src_lang: opts.src_lang.clone(),
            tgt_lang: opts.tgt_lang.clone(),
            src: src.iter().map(|s| s.text.clone()).collect(),
            tgt: tgt.iter().map(|s| s.text.clone()).collect(),
            links,
        };
        (alignment, diagnostics)
    }

    fn features(
        &self,
        sentences: &[Sentence],
        script: Script,
        keep_words: bool,
    ) -> Vec<Features> {
        let name_key: Option<NameKeyFn> =
            if self.options.length_only { None } else { Some(name_key) };
        let mut extractor =
            features::Extractor::new(script, name_key).keep_words(keep_words);
        let mut feats: Vec<Features> = sentences
            .iter()
            .map(|s| {
                let mut f = extractor.extract(&s.text);
                f.kind = s.kind;
                f
            })
            .collect();
        // A sentence ends its block when the next one is in another block.
        let n = sentences.len();
        for k in 0..n.saturating_sub(1) {
            let (Some(a), Some(b)) = (sentences.get(k), sentences.get(k + 1))
            else {
                continue;
            };
            if a.block != b.block {
                if let Some(f) = feats.get_mut(k) {
                    f.block_end = true;
                }
            }
        }
        if let Some(f) = feats.last_mut() {
            f.block_end = sentences.iter().any(|s| s.block > 0);
        }
        feats
    }
}

/// The cross-script name key of a word (translit's loose key), when it
/// is long enough to be telling: two-consonant skeletons match too many
/// ordinary words.
fn name_key(word: &str) -> Option<String> {
    let key = fold_key(&tarjama_translit::keys::loose_key(word));
    (key.chars().count() >= 3).then_some(key)
}

/// Is `c` one of the loose key's final-vowel marks?
fn is_final_vowel_mark(c: char) -> bool {
    use tarjama_translit::keys::{FINAL_A, FINAL_I, FINAL_U};
    c == FINAL_A || c == FINAL_I || c == FINAL_U
}

/// Is `c` one of the loose key's marks for a long vowel before a final
/// n? English spellings write short vowels there that Arabic ones leave
/// out (Boston/بوسطن), so name matching in running text ignores them.
fn is_long_vowel_mark(c: char) -> bool {
    use tarjama_translit::keys::{LONG_I, LONG_U};
    c == LONG_I || c == LONG_U
}

/// Folds a loose key further for matching names inside running text,
/// where recall matters more than for gazetteer look-ups: English `g`
/// is ج, غ or ك and `s` is س or ز in Arabic spellings of the same name
/// (Gerrard/جيرارد, Rangers/رينجرز, Pyongyang/بيونغيانغ), and Arabic
/// keys keep weak letters and gemination marks that English ones drop.
/// The final-vowel mark stays only on a key of two consonant classes,
/// where it is what makes the key telling; foreign names end in vowels
/// that Arabic spellings do not write (Flake/فليك).
fn fold_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'y' | 'w' | 'ː' => {}
            c if is_long_vowel_mark(c) => {}
            tarjama_translit::keys::AFTER_DT_H => out.push('h'),
            c if is_final_vowel_mark(c) && out.chars().count() > 2 => {}
            'g' | 's' | 'k' if chars.peek() == Some(&'h') => {
                chars.next();
                out.push(if c == 's' { 's' } else { 'k' });
            }
            'j' | 'g' | 'q' => out.push('k'),
            'z' => out.push('s'),
            other => out.push(other),
        }
    }
    out
}

fn join_texts(sentences: &[Sentence], indices: &[u32]) -> String {
    let mut out = String::new();
    for &i in indices {
        if let Some(s) = sentences.get(i as usize) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s.text);
        }
    }
    out
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Title => "title",
        Kind::Lead => "lead",
        Kind::Question => "question",
        Kind::Answer => "answer",
        Kind::Paragraph => "paragraph",
        Kind::Caption => "caption",
        Kind::PullQuote => "pull-quote",
        Kind::Boilerplate => "boilerplate",
    }
}

/// Maps a bead's posterior probability to a calibrated confidence:
/// Platt scaling of the posterior's log-odds, with a term for one-sided
/// links, fitted on perturbed FLORES-200 documents (standard and heavy
/// perturbation, three seeds; see docs/benchmarks.md for the
/// reliability table on NTREX).
fn calibrate(posterior: f32, di: usize, dj: usize) -> f64 {
    let p = f64::from(posterior).clamp(1e-6, 1.0 - 1e-6);
    let logit = (p / (1.0 - p)).ln();
    let one_sided = if di == 0 || dj == 0 { 1.0 } else { 0.0 };
    let z = 1.136 * logit - 0.560 + 0.612 * one_sided;
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests;
