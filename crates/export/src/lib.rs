//! Readers and writers of parallel-corpus formats, and the filters that
//! clean a stream of aligned pairs before it is exported.
//!
//! Every format works on a stream of [`PairRecordV1`]: writers implement
//! [`PairWriter`] over any [`std::io::Write`], readers are iterators of
//! `Result<PairRecordV1, ExportError>` over any [`std::io::BufRead`], and
//! both keep memory independent of the corpus size.
//!
//! | format | writer | reader | keeps metadata |
//! |---|---|---|---|
//! | TMX 1.4b | [`TmxWriter`] | [`TmxReader`] | yes (`<prop>`, `tuid`) |
//! | XLIFF 2.0 | [`XliffWriter`] | [`XliffReader`] (also 1.2) | yes (`<note>`) |
//! | JSONL | [`JsonlWriter`] | [`JsonlReader`] | yes (the record) |
//! | TSV / CSV | [`TsvWriter`], [`CsvWriter`] | [`TsvReader`], [`CsvReader`] | yes (columns) |
//! | Moses | [`MosesWriter`] | [`MosesReader`] | no (text only) |
//! | Parquet | `ParquetWriter` | `ParquetReader` | yes (feature `parquet`) |
//!
//! [`Filter`] decides for each pair whether it is kept or rejected and
//! why ([`Reason`]); [`Report`] counts pairs in = kept + rejected.
//!
//! # Example
//!
//! ```
//! use tarjama_export::{FormatOptions, PairWriter, TmxReader, TmxWriter};
//! use tarjama_record::PairRecordV1;
//!
//! let mut pair = PairRecordV1::new("ar", "نعم & لا", "en", "Yes & no");
//! pair.doc = "interview-001".to_string();
//! pair.set_indices(&[3], &[5]);
//!
//! let options = FormatOptions::default();
//! let mut tmx = Vec::new();
//! let mut writer = TmxWriter::new(&mut tmx, &options)?;
//! writer.write_pair(&pair)?;
//! writer.finish()?;
//! let text = String::from_utf8(tmx)?;
//! assert!(text.contains(r#"<tu tuid="interview-001/ar=3/en=5">"#));
//! assert!(text.contains("<seg>Yes &amp; no</seg>"));
//!
//! let back: Vec<_> = TmxReader::new(text.as_bytes(), &options)
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(back, vec![pair]);
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

mod delimited;
mod error;
mod filter;
mod fold;
mod format;
mod jsonl;
mod lines;
mod meta;
mod moses;
#[cfg(feature = "parquet")]
mod parquet;
mod report;
mod table;
mod tmx;
mod xliff;
mod xml;

use serde::Serialize;
use tarjama_record::PairRecordV1;

pub use delimited::{
    CsvReader, CsvWriter, TsvReader, TsvWriter, escape_tsv, unescape_tsv,
};
pub use error::{ExportError, ExportErrorKind};
pub use filter::{Filter, FilterOptions, Reason, ratio_bounds};
pub use fold::{exact_key, near_key};
pub use format::Format;
pub use jsonl::{JsonlReader, JsonlWriter};
pub use moses::{MosesReader, MosesWriter};
#[cfg(feature = "parquet")]
pub use parquet::{ParquetReader, ParquetWriter, schema as parquet_schema};
pub use report::{Rejected, Report};
pub use tmx::{TmxReader, TmxWriter};
pub use xliff::{XliffReader, XliffWriter};

/// Options shared by the readers and writers.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FormatOptions {
    /// Source language code (BCP 47 primary subtag); default `ar`.
    pub src_lang: String,
    /// Target language code; default `en`.
    pub tgt_lang: String,
    /// TMX `creationdate` (`YYYYMMDDThhmmssZ`) for the header and every
    /// `<tu>`. `None` (the default) leaves it out, so that the same input
    /// always gives the same bytes.
    pub creation_date: Option<String>,
    /// The TMX `creationtoolversion`; defaults to this crate's version.
    pub tool_version: String,
    /// CSV: put an apostrophe before cells a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or CR), and remove
    /// it again when reading. Default `true`.
    pub neutralize_formulas: bool,
}

impl Default for FormatOptions {
    fn default() -> FormatOptions {
        FormatOptions {
            src_lang: "ar".to_string(),
            tgt_lang: "en".to_string(),
            creation_date: None,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            neutralize_formulas: true,
        }
    }
}

impl FormatOptions {
    /// Options for the language pair `src` → `tgt`, other fields default.
    pub fn new(src_lang: &str, tgt_lang: &str) -> FormatOptions {
        FormatOptions {
            src_lang: src_lang.to_string(),
            tgt_lang: tgt_lang.to_string(),
            ..FormatOptions::default()
        }
    }
}

/// What a writer changed to fit a pair into its format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WriteStats {
    /// Characters removed because XML 1.0 does not allow them (TMX,
    /// XLIFF).
    pub illegal_xml_chars_removed: u64,
    /// Line breaks inside a segment replaced by a space (Moses).
    pub line_breaks_replaced: u64,
    /// CSV cells prefixed with an apostrophe (formula neutralization).
    pub formulas_neutralized: u64,
}

impl WriteStats {
    /// Folds in the statistics of another writer of the same pairs: each
    /// count is kept at its largest, since every field is counted the same
    /// way by each writer it applies to (TMX and XLIFF remove the same
    /// characters) and is zero for the others.
    ///
    /// ```
    /// use tarjama_export::WriteStats;
    ///
    /// let (mut tmx, mut moses) = (WriteStats::default(), WriteStats::default());
    /// tmx.illegal_xml_chars_removed = 2;
    /// moses.line_breaks_replaced = 3;
    /// let mut xliff = tmx;
    /// xliff.merge(moses);
    /// xliff.merge(tmx);
    /// assert_eq!(xliff.illegal_xml_chars_removed, 2);
    /// assert_eq!(xliff.line_breaks_replaced, 3);
    /// ```
    pub fn merge(&mut self, other: WriteStats) {
        self.illegal_xml_chars_removed = self
            .illegal_xml_chars_removed
            .max(other.illegal_xml_chars_removed);
        self.line_breaks_replaced =
            self.line_breaks_replaced.max(other.line_breaks_replaced);
        self.formulas_neutralized =
            self.formulas_neutralized.max(other.formulas_neutralized);
    }
}

/// A streaming writer of pairs in one format.
pub trait PairWriter {
    /// Writes one pair.
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError>;

    /// Writes what closes the document (for XML) and flushes. Call it once
    /// after the last pair.
    fn finish(&mut self) -> Result<(), ExportError>;

    /// What the writer has had to change so far (by default nothing: the
    /// formats that can store every record as it is).
    fn stats(&self) -> WriteStats {
        WriteStats::default()
    }
}

impl<P: PairWriter + ?Sized> PairWriter for Box<P> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        (**self).write_pair(pair)
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        (**self).finish()
    }

    fn stats(&self) -> WriteStats {
        (**self).stats()
    }
}

/// A boxed stream of pairs read from some format.
pub type PairReader<'a> =
    Box<dyn Iterator<Item = Result<PairRecordV1, ExportError>> + 'a>;

/// A reader for `format` on `input`. Moses needs two inputs: use
/// [`MosesReader`].
pub fn reader<'a, R: std::io::BufRead + 'a>(
    format: Format,
    input: R,
    options: &FormatOptions,
) -> Result<PairReader<'a>, ExportError> {
    Ok(match format {
        Format::Tmx => Box::new(TmxReader::new(input, options)),
        Format::Xliff => Box::new(XliffReader::new(input, options)),
        Format::Jsonl => Box::new(JsonlReader::new(input)),
        Format::Tsv => Box::new(TsvReader::new(input, options)),
        Format::Csv => Box::new(CsvReader::new(input, options)),
        #[cfg(feature = "parquet")]
        Format::Parquet => {
            return Err(ExportError::unsupported(
                "Parquet needs a seekable file: use ParquetReader::new",
            ));
        }
        other => {
            return Err(ExportError::unsupported(format!(
                "no single-stream reader for {other}{}",
                if other == Format::Parquet {
                    " (build with the `parquet` feature)"
                } else {
                    " (use MosesReader with two inputs)"
                }
            )));
        }
    })
}

/// A writer for `format` on `out`. Moses needs two outputs: use
/// [`MosesWriter`].
pub fn writer<'a, W: std::io::Write + 'a>(
    format: Format,
    out: W,
    options: &FormatOptions,
) -> Result<Box<dyn PairWriter + 'a>, ExportError> {
    Ok(match format {
        Format::Tmx => Box::new(TmxWriter::new(out, options)?),
        Format::Xliff => Box::new(XliffWriter::new(out, options)?),
        Format::Jsonl => Box::new(JsonlWriter::new(out)),
        Format::Tsv => Box::new(TsvWriter::new(out, options)?),
        Format::Csv => Box::new(CsvWriter::new(out, options)?),
        other => {
            return Err(ExportError::unsupported(format!(
                "no single-stream writer for {other}{}",
                if other == Format::Parquet {
                    " (use ParquetWriter; needs the `parquet` feature)"
                } else {
                    " (use MosesWriter with two outputs)"
                }
            )));
        }
    })
}
