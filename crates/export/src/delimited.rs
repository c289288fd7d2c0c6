//! TSV and CSV: one pair per row, with a header row naming the two
//! languages and the metadata columns (`ar, en, id, doc, block, role,
//! score, idx, flags`).
//!
//! TSV escapes backslash, tab, newline and carriage return inside a cell
//! as `\\`, `\t`, `\n`, `\r`, so every row is one physical line. CSV
//! follows RFC 4180 (through the `csv` crate) and can neutralize cells
//! that a spreadsheet would run as a formula.

use std::io::{BufRead, Write};

use tarjama_record::PairRecordV1;

use crate::error::ExportError;
use crate::lines::LineReader;
use crate::table::{self, Columns};
use crate::{FormatOptions, PairWriter, WriteStats};

/// Escapes a TSV cell: `\` → `\\`, tab → `\t`, LF → `\n`, CR → `\r`.
pub fn escape_tsv(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.contains(['\\', '\t', '\n', '\r']) {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len() + 8);
    for c in cell.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.into()
}

/// Reverses [`escape_tsv`]. A backslash before any other character (or at
/// the end) is kept as it is, so hand-written files with lone backslashes
/// read as written.
pub fn unescape_tsv(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.contains('\\') {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out.into()
}

/// Writes TSV with a header row.
#[derive(Debug)]
pub struct TsvWriter<W: Write> {
    out: W,
    src_lang: String,
    tgt_lang: String,
}

impl<W: Write> TsvWriter<W> {
    /// Writes the header row to `out`.
    pub fn new(
        mut out: W,
        options: &FormatOptions,
    ) -> Result<TsvWriter<W>, ExportError> {
        let header = table::header(&options.src_lang, &options.tgt_lang);
        let header: Vec<_> = header.iter().map(|c| escape_tsv(c)).collect();
        out.write_all(header.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        Ok(TsvWriter {
            out,
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
        })
    }
}

impl<W: Write> PairWriter for TsvWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        let row = table::row(pair, &self.src_lang, &self.tgt_lang);
        for (n, cell) in row.iter().enumerate() {
            if n > 0 {
                self.out.write_all(b"\t")?;
            }
            self.out.write_all(escape_tsv(cell).as_bytes())?;
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Reads TSV: with a header row (`ar<TAB>en<TAB>id…`, as [`TsvWriter`]
/// writes) or without one (`src<TAB>tgt[<TAB>doc]`, languages from the
/// options). Blank lines are skipped.
#[derive(Debug)]
pub struct TsvReader<R: BufRead> {
    lines: LineReader<R>,
    columns: Option<Columns>,
    options: FormatOptions,
}

impl<R: BufRead> TsvReader<R> {
    /// A reader on `input`.
    pub fn new(input: R, options: &FormatOptions) -> TsvReader<R> {
        TsvReader {
            lines: LineReader::new(input),
            columns: None,
            options: options.clone(),
        }
    }
}

impl<R: BufRead> Iterator for TsvReader<R> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (line_no, line) = match self.lines.next_line()? {
                Ok(line) => line,
                Err(err) => return Some(Err(err)),
            };
            if line.is_empty() {
                continue;
            }
            let columns = match &self.columns {
                Some(columns) => columns,
                None => {
                    if let Some(columns) =
                        Columns::from_header(line.split('\t'))
                    {
                        self.columns = Some(columns);
                        continue;
                    }
                    self.columns.insert(Columns::headerless(
                        &self.options.src_lang,
                        &self.options.tgt_lang,
                    ))
                }
            };
            let cells: Vec<&str> = line.split('\t').collect();
            let result = columns
                .record(cells.len(), |i| {
                    cells.get(i).map(|c| unescape_tsv(c).into_owned())
                })
                .map_err(|err| err.at_line(line_no));
            if result.is_err() {
                self.lines.stop();
            }
            return Some(result);
        }
    }
}

/// Whether a spreadsheet would take `cell` as a formula (or a cell that
/// starts with an apostrophe would be mistaken for a neutralized one).
fn needs_formula_guard(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => needs_formula_guard(cell.get(1..).unwrap_or("")),
        _ => false,
    }
}

/// Writes CSV (RFC 4180: comma, `"` quoting, CRLF-free `\n` rows) with a
/// header row.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    src_lang: String,
    tgt_lang: String,
    neutralize_formulas: bool,
    stats: WriteStats,
}

fn csv_error(err: csv::Error) -> ExportError {
    let line = err.position().map(|p| p.line());
    let err = match err.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::io(io),
        csv::ErrorKind::Utf8 { err, .. } => {
            ExportError::malformed(format!("invalid UTF-8: {err}"))
        }
        other => ExportError::malformed(format!("{other:?}")),
    };
    match line {
        Some(line) => err.at_line(line),
        None => err,
    }
}

impl<W: Write> CsvWriter<W> {
    /// Writes the header row to `out`.
    pub fn new(
        out: W,
        options: &FormatOptions,
    ) -> Result<CsvWriter<W>, ExportError> {
        let mut out = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        out.write_record(table::header(&options.src_lang, &options.tgt_lang))
            .map_err(csv_error)?;
        Ok(CsvWriter {
            out,
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
            neutralize_formulas: options.neutralize_formulas,
            stats: WriteStats::default(),
        })
    }
}

impl<W: Write> PairWriter for CsvWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        let mut row = table::row(pair, &self.src_lang, &self.tgt_lang);
        if self.neutralize_formulas {
            // Numeric columns never start with a guarded character, so
            // every cell can go through the same check.
            for cell in row.iter_mut() {
                if needs_formula_guard(cell) {
                    cell.insert(0, '\'');
                    self.stats.formulas_neutralized += 1;
                }
            }
        }
        self.out.write_record(&row).map_err(csv_error)
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// Reads CSV with or without a header row (see [`TsvReader`]). With
/// `neutralize_formulas`, the apostrophe [`CsvWriter`] put before a
/// formula-like cell is removed again.
#[derive(Debug)]
pub struct CsvReader<R: BufRead> {
    input: csv::Reader<R>,
    record: csv::StringRecord,
    columns: Option<Columns>,
    options: FormatOptions,
    done: bool,
}

impl<R: BufRead> CsvReader<R> {
    /// A reader on `input`.
    pub fn new(input: R, options: &FormatOptions) -> CsvReader<R> {
        let input = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        CsvReader {
            input,
            record: csv::StringRecord::new(),
            columns: None,
            options: options.clone(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for CsvReader<R> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.input.read_record(&mut self.record) {
                Ok(false) => self.done = true,
                Ok(true) => {}
                Err(err) => {
                    self.done = true;
                    return Some(Err(csv_error(err)));
                }
            }
            if self.done {
                break;
            }
            let line = self.record.position().map_or(0, |p| p.line());
            if self.record.len() == 1
                && self.record.get(0).is_some_and(str::is_empty)
            {
                continue;
            }
            let columns = match &self.columns {
                Some(columns) => columns,
                None => {
                    let first = line == 1;
                    match Columns::from_header(self.record.iter()) {
                        Some(columns) if first => {
                            self.columns = Some(columns);
                            continue;
                        }
                        _ => self.columns.insert(Columns::headerless(
                            &self.options.src_lang,
                            &self.options.tgt_lang,
                        )),
                    }
                }
            };
            let unguard = self.options.neutralize_formulas;
            let record = &self.record;
            let result = columns
                .record(record.len(), |i| {
                    let cell = record.get(i)?;
                    Some(match cell.strip_prefix('\'') {
                        Some(rest) if unguard && needs_formula_guard(rest) => {
                            rest.to_string()
                        }
                        _ => cell.to_string(),
                    })
                })
                .map_err(|err| err.at_line(line));
            if result.is_err() {
                self.done = true;
            }
            return Some(result);
        }
        None
    }
}
