//! JSON lines of [`PairRecordV1`]: the pair record itself, one object per
//! line (loads with Hugging Face `datasets` as `load_dataset("json")`).

use std::io::{BufRead, Write};

use tarjama_record::PairRecordV1;

use crate::PairWriter;
use crate::error::ExportError;
use crate::lines::LineReader;

/// Writes one JSON record per line.
#[derive(Debug)]
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer on `out` (nothing is written until the first pair).
    pub fn new(out: W) -> JsonlWriter<W> {
        JsonlWriter { out }
    }
}

impl<W: Write> PairWriter for JsonlWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        serde_json::to_writer(&mut self.out, pair).map_err(|err| {
            ExportError::io(std::io::Error::other(err.to_string()))
        })?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Reads JSON records, one per line; blank lines are skipped and a
/// leading byte-order mark is ignored.
#[derive(Debug)]
pub struct JsonlReader<R: BufRead> {
    lines: LineReader<R>,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader on `input`.
    pub fn new(input: R) -> JsonlReader<R> {
        JsonlReader { lines: LineReader::new(input) }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (line_no, line) = match self.lines.next_line()? {
                Ok(line) => line,
                Err(err) => return Some(Err(err)),
            };
            if line.trim().is_empty() {
                continue;
            }
            let result = PairRecordV1::from_json_line(line).map_err(|err| {
                // serde_json counts lines within the one line it saw.
                let message = err.to_string();
                let message = match message.rsplit_once(" at line 1 column ") {
                    Some((text, column)) => {
                        format!("{text} at column {column}")
                    }
                    None => message,
                };
                ExportError::json(line_no, message)
            });
            if result.is_err() {
                self.lines.stop();
            }
            return Some(result);
        }
    }
}
