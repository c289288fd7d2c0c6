//! A line reader for the line-based formats: counts lines, strips the
//! line ending and a leading byte-order mark, and refuses invalid UTF-8
//! with the line number.

use std::io::BufRead;

use crate::error::ExportError;

/// Reads lines into a reused buffer (constant memory per line).
#[derive(Debug)]
pub(crate) struct LineReader<R> {
    input: R,
    buf: Vec<u8>,
    line_no: u64,
    done: bool,
}

impl<R: BufRead> LineReader<R> {
    pub(crate) fn new(input: R) -> LineReader<R> {
        LineReader {
            input,
            buf: Vec::with_capacity(256),
            line_no: 0,
            done: false,
        }
    }

    /// Makes every later call return `None` (after an error).
    pub(crate) fn stop(&mut self) {
        self.done = true;
    }

    /// The next line (with its 1-based number) without its `\n` or
    /// `\r\n`, or `None` at the end.
    pub(crate) fn next_line(
        &mut self,
    ) -> Option<Result<(u64, &str), ExportError>> {
        if self.done {
            return None;
        }
        self.buf.clear();
        match self.input.read_until(b'\n', &mut self.buf) {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(_) => {}
            Err(err) => {
                self.done = true;
                return Some(Err(
                    ExportError::io(err).at_line(self.line_no + 1)
                ));
            }
        }
        self.line_no += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        let mut bytes = self.buf.as_slice();
        if self.line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        match std::str::from_utf8(bytes) {
            Ok(line) => Some(Ok((self.line_no, line))),
            Err(err) => {
                self.done = true;
                Some(Err(ExportError::malformed(format!(
                    "invalid UTF-8 at byte {} of the line",
                    err.valid_up_to()
                ))
                .at_line(self.line_no)))
            }
        }
    }
}
