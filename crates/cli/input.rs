//! Reading line-oriented input from files or standard input, with errors
//! that name the file and line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use anyhow::Context;

/// The arguments shared by the line-oriented commands (`key`, `normalize`,
/// `translit`), flattened into each one's `Args` after its own options.
#[derive(Debug, clap::Args)]
pub struct LineIo {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Input files; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl LineIo {
    /// The sources named by the `FILE` arguments
    /// (see [`Source::from_args`]).
    pub fn sources(&self) -> Vec<Source> {
        Source::from_args(&self.files)
    }
}

/// Where the input comes from: a named file, or standard input.
#[derive(Clone, Debug)]
pub enum Source {
    /// Standard input (no argument, or `-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line: files, or standard input
    /// when none (or `-`) is given.
    pub fn from_args(paths: &[PathBuf]) -> Vec<Source> {
        if paths.is_empty() {
            return vec![Source::Stdin];
        }
        paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(p.clone())
                }
            })
            .collect()
    }

    /// The name used in diagnostics (`<stdin>` for standard input).
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Opens the source for buffered reading.
    pub fn open(&self) -> anyhow::Result<Box<dyn BufRead>> {
        Ok(match self {
            Source::Stdin => {
                Box::new(BufReader::with_capacity(1 << 16, io::stdin().lock()))
            }
            Source::File(path) => {
                let file = File::open(path).with_context(|| {
                    format!("{}: cannot open", path.display())
                })?;
                Box::new(BufReader::with_capacity(1 << 16, file))
            }
        })
    }
}

/// A bad-input error: printed as `file:line: message`, exit code 1.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Builds a [`BadInput`] error for `file:line: message`.
pub fn bad_input(file: &str, line: u64, message: &str) -> anyhow::Error {
    anyhow::Error::new(BadInput(format!("{file}:{line}: {message}")))
}

/// Calls `each(line_without_newline)` for every line of every source, in
/// order. Invalid UTF-8 is an error naming file and line, unless `lossy`,
/// which replaces bad bytes with U+FFFD. A final line without a newline is
/// still a line; `\r\n` endings are kept out of the line.
pub fn for_each_line(
    sources: &[Source],
    lossy: bool,
    mut each: impl FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut buf = Vec::with_capacity(256);
    for source in sources {
        let mut reader = source.open()?;
        let name = source.name();
        let mut line_no = 0u64;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .with_context(|| format!("{name}: read error"))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            match std::str::from_utf8(&buf) {
                Ok(text) => each(text)?,
                Err(_) if lossy => each(&String::from_utf8_lossy(&buf))?,
                Err(err) => {
                    return Err(bad_input(
                        &name,
                        line_no,
                        &format!(
                            "invalid UTF-8 at byte {} of the line \
                             (use --lossy to replace it)",
                            err.valid_up_to()
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Reads a whole file (or standard input) as UTF-8 text; invalid UTF-8 is
/// an error naming the file and line, unless `lossy`.
pub fn read_text(source: &Source, lossy: bool) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    source
        .open()?
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: read error", source.name()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            if lossy {
                return Ok(String::from_utf8_lossy(&bytes).into_owned());
            }
            let line = 1 + bytes
                .get(..valid)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
            Err(bad_input(
                &source.name(),
                line as u64,
                "invalid UTF-8 (use --lossy to replace it)",
            ))
        }
    }
}
