//! Moses: two line-aligned plain-text files, one segment per line (the
//! source in `corpus.ar`, the target in `corpus.en`).
//!
//! The format keeps only the two segments. A line break inside a segment
//! would shift every later line, so the writer replaces each line-break
//! character (LF, CR, VT, FF, NEL, U+2028, U+2029, U+001C..U+001E) with a
//! space and counts it. Metadata (doc, block, role, score, idx, id,
//! flags) is not written; reading gives score 1 and role `other`.

use std::io::{BufRead, Write};

use tarjama_record::PairRecordV1;

use crate::error::ExportError;
use crate::lines::LineReader;
use crate::meta;
use crate::{FormatOptions, PairWriter, WriteStats};

/// Writes the source side to one writer and the target side to another.
#[derive(Debug)]
pub struct MosesWriter<S: Write, T: Write> {
    src_out: S,
    tgt_out: T,
    src_lang: String,
    tgt_lang: String,
    stats: WriteStats,
}

impl<S: Write, T: Write> MosesWriter<S, T> {
    /// A writer of the source side to `src_out` and the target side to
    /// `tgt_out`.
    pub fn new(
        src_out: S,
        tgt_out: T,
        options: &FormatOptions,
    ) -> MosesWriter<S, T> {
        MosesWriter {
            src_out,
            tgt_out,
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
            stats: WriteStats::default(),
        }
    }
}

/// Writes `segment` as one line, line breaks replaced by spaces.
fn write_line(
    out: &mut impl Write,
    segment: &str,
    stats: &mut WriteStats,
) -> Result<(), ExportError> {
    if segment.contains(meta::is_line_break) {
        let mut line = String::with_capacity(segment.len());
        for c in segment.chars() {
            if meta::is_line_break(c) {
                stats.line_breaks_replaced += 1;
                line.push(' ');
            } else {
                line.push(c);
            }
        }
        out.write_all(line.as_bytes())?;
    } else {
        out.write_all(segment.as_bytes())?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

impl<S: Write, T: Write> PairWriter for MosesWriter<S, T> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        let (src, tgt) = meta::sides(pair, &self.src_lang, &self.tgt_lang);
        write_line(&mut self.src_out, src, &mut self.stats)?;
        write_line(&mut self.tgt_out, tgt, &mut self.stats)?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.src_out.flush()?;
        self.tgt_out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// Reads two line-aligned files in step. Files of different lengths are
/// an error at the first line one of them lacks. A leading byte-order
/// mark is ignored and `\r\n` line ends are accepted.
#[derive(Debug)]
pub struct MosesReader<S: BufRead, T: BufRead> {
    src: LineReader<S>,
    tgt: LineReader<T>,
    src_lang: String,
    tgt_lang: String,
    done: bool,
}

impl<S: BufRead, T: BufRead> MosesReader<S, T> {
    /// A reader of the source side from `src` and the target side from
    /// `tgt`, with the languages of `options`.
    pub fn new(src: S, tgt: T, options: &FormatOptions) -> MosesReader<S, T> {
        MosesReader {
            src: LineReader::new(src),
            tgt: LineReader::new(tgt),
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
            done: false,
        }
    }
}

impl<S: BufRead, T: BufRead> Iterator for MosesReader<S, T> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let src = self.src.next_line();
        let src = match src {
            None => None,
            Some(Ok((line_no, line))) => Some((line_no, line.to_string())),
            Some(Err(err)) => {
                self.done = true;
                return Some(Err(err));
            }
        };
        let tgt = match self.tgt.next_line() {
            None => None,
            Some(Ok((line_no, line))) => Some((line_no, line.to_string())),
            Some(Err(err)) => {
                self.done = true;
                return Some(Err(err));
            }
        };
        match (src, tgt) {
            (None, None) => {
                self.done = true;
                None
            }
            (Some((_, src)), Some((_, tgt))) => Some(Ok(meta::new_pair(
                &self.src_lang,
                src,
                &self.tgt_lang,
                tgt,
            ))),
            (Some((line_no, _)), None) => {
                self.done = true;
                Some(Err(ExportError::malformed(format!(
                    "the {} file has more lines than the {} file",
                    self.src_lang, self.tgt_lang
                ))
                .at_line(line_no)))
            }
            (None, Some((line_no, _))) => {
                self.done = true;
                Some(Err(ExportError::malformed(format!(
                    "the {} file has more lines than the {} file",
                    self.tgt_lang, self.src_lang
                ))
                .at_line(line_no)))
            }
        }
    }
}
