//! The corpus formats, their names, and detection from a file name or
//! the first bytes of a file.

use std::fmt;
use std::path::Path;

/// A corpus file format that tarjama can write, and for most, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// TMX 1.4b translation memory.
    Tmx,
    /// Moses: two line-aligned plain-text files.
    Moses,
    /// Tab-separated values with a header line.
    Tsv,
    /// Comma-separated values (RFC 4180) with a header line.
    Csv,
    /// JSON lines of [`tarjama_record::PairRecordV1`].
    Jsonl,
    /// Apache Parquet with the Hugging Face translation schema.
    Parquet,
    /// XLIFF 2.0 bilingual file.
    Xliff,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 7] = [
        Format::Tmx,
        Format::Moses,
        Format::Tsv,
        Format::Csv,
        Format::Jsonl,
        Format::Parquet,
        Format::Xliff,
    ];

    /// The lowercase name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Moses => "moses",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
            Format::Xliff => "xliff",
        }
    }

    /// Parses a name written by [`Format::name`] (also `json`, `xlf`).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "tmx" => Format::Tmx,
            "moses" => Format::Moses,
            "tsv" | "tab" => Format::Tsv,
            "csv" => Format::Csv,
            "jsonl" | "json" | "ndjson" => Format::Jsonl,
            "parquet" | "pq" => Format::Parquet,
            "xliff" | "xlf" | "xlf2" => Format::Xliff,
            _ => return None,
        })
    }

    /// The format suggested by a file name's extension. A two- or
    /// three-letter language code (`corpus.ar`) means Moses.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        if let Some(format) = Format::parse(ext) {
            return Some(format);
        }
        let is_lang = (2..=3).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_lowercase());
        (is_lang && ext != "txt").then_some(Format::Moses)
    }

    /// Guesses the format from the first bytes of a file: Parquet magic,
    /// an XML root element, a JSON object, or a header line with tabs or
    /// commas. Returns `None` when nothing fits (plain text is ambiguous).
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if head.starts_with(b"PAR1") {
            return Some(Format::Parquet);
        }
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let text = String::from_utf8_lossy(head);
        let trimmed = text.trim_start();
        if trimmed.starts_with('<') {
            if trimmed.contains("<tmx") {
                return Some(Format::Tmx);
            }
            if trimmed.contains("<xliff") {
                return Some(Format::Xliff);
            }
            return None;
        }
        if trimmed.starts_with('{') {
            return Some(Format::Jsonl);
        }
        let first_line = trimmed.lines().next().unwrap_or("");
        if first_line.contains('\t') {
            return Some(Format::Tsv);
        }
        if first_line.contains(',') && first_line.contains("score") {
            return Some(Format::Csv);
        }
        None
    }

    /// Whether tarjama can read this format (with the features it was
    /// built with).
    pub fn can_read(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }

    /// Whether tarjama can write this format (with the features it was
    /// built with).
    pub fn can_write(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.name()), Some(format));
        }
        assert_eq!(Format::parse("docx"), None);
    }

    #[test]
    fn detects_by_extension() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("a/b.tmx"), Some(Format::Tmx));
        assert_eq!(f("corpus.ar"), Some(Format::Moses));
        assert_eq!(f("pairs.jsonl"), Some(Format::Jsonl));
        assert_eq!(f("review.xlf"), Some(Format::Xliff));
        assert_eq!(f("notes"), None);
        assert_eq!(f("x.docx"), None);
        assert_eq!(f("notes.txt"), None);
    }

    #[test]
    fn sniffs_content() {
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<tmx "),
            Some(Format::Tmx)
        );
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><xliff version"),
            Some(Format::Xliff)
        );
        assert_eq!(
            Format::sniff(b"{\"translation\":{}}"),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::sniff(b"ar\ten\tid\n"), Some(Format::Tsv));
        assert_eq!(Format::sniff(b"ar,en,id,score\n"), Some(Format::Csv));
        assert_eq!(Format::sniff(b"PAR1\x15"), Some(Format::Parquet));
        assert_eq!(Format::sniff(b"just a line\n"), None);
        assert_eq!(Format::sniff(b"<html>"), None);
    }
}
