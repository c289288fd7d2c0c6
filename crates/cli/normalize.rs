//! `tarjama normalize`: normalize each input line (Arabic script profiles,
//! or Latin folding).

use std::borrow::Cow;
use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;

use clap::{Args as ClapArgs, ValueEnum};
use tarjama_translit::normalize::{Normalizer, Profile};

use crate::input::{self, LineIo, Source};
use crate::output::Output;

/// Normalize each line of the input (files, or standard input).
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Which script's normalization to apply; `auto` decides per line
    /// (Arabic when the line has at least as many Arabic-script letters as
    /// Latin ones). Default: `arabic` when `--profile` is given, else
    /// `auto`.
    #[arg(long, value_enum)]
    script: Option<Script>,
    /// The Arabic normalization profile [default: search].
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    #[command(flatten)]
    io: LineIo,
}

/// The script selector of `--script`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Script {
    /// Decide per line.
    Auto,
    /// Arabic-script normalization with `--profile`.
    Arabic,
    /// Latin folding of romanized text.
    Latin,
}

/// The values of `--profile`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ProfileArg {
    /// Every fold that helps matching.
    Search,
    /// Only folds that never change meaning.
    Display,
    /// CAMeL Tools' normalize_unicode, dediac_ar and alef, alef maksura and
    /// teh marbuta normalization, byte for byte.
    Camel,
}

impl From<ProfileArg> for Profile {
    fn from(arg: ProfileArg) -> Profile {
        match arg {
            ProfileArg::Search => Profile::Search,
            ProfileArg::Display => Profile::Display,
            ProfileArg::Camel => Profile::Camel,
        }
    }
}

/// Runs `tarjama normalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sources = args.io.sources();
    let script = args.script.unwrap_or(match args.profile {
        Some(_) => Script::Arabic,
        None => Script::Auto,
    });
    let profile = args.profile.map_or(Profile::Search, Profile::from);
    let normalizer = profile.normalizer();
    let mut out = Output::create(args.io.output.as_deref())?;
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    for source in &sources {
        normalize_source(
            source,
            args.io.lossy,
            threads,
            &mut out,
            |line, buf| normalize_line_into(normalizer, script, line, buf),
        )?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Bytes read per block; a batch of `threads` blocks is normalized in
/// parallel while the previous batch is written and the next one read,
/// so memory stays bounded by `4 * threads * BLOCK` plus the longest line.
const BLOCK: usize = 1 << 20;

/// One batch: up to `threads` blocks of whole lines and their outputs.
struct Batch {
    blocks: Vec<Vec<u8>>,
    outs: Vec<String>,
    /// How many of `blocks` hold input.
    n_full: usize,
    /// Per block: the number of lines, or the line index and byte offset
    /// of invalid UTF-8.
    results: Vec<Result<usize, (usize, usize)>>,
}

impl Batch {
    fn new(threads: usize) -> Batch {
        Batch {
            blocks: vec![Vec::new(); threads],
            outs: vec![String::new(); threads],
            n_full: 0,
            results: Vec::new(),
        }
    }
}

/// The input side of [`normalize_source`]: fills batches with blocks that
/// each end at a line end.
struct BlockReader {
    reader: Box<dyn std::io::BufRead>,
    name: String,
    carry: Vec<u8>,
    eof: bool,
}

impl BlockReader {
    /// Fills `batch.blocks`; sets `batch.n_full`.
    fn fill(&mut self, batch: &mut Batch) -> anyhow::Result<()> {
        batch.n_full = 0;
        batch.results.clear();
        for block in batch.blocks.iter_mut() {
            if self.eof {
                break;
            }
            block.clear();
            block.append(&mut self.carry);
            loop {
                // Reads of at least the reader's buffer size go straight
                // into the block, without a copy through that buffer.
                let mut filled = block.len();
                block.resize(filled + BLOCK, 0);
                while filled < block.len() {
                    let n = read_some(&mut self.reader, block, filled)
                        .with_context(|| {
                            format!("{}: read error", self.name)
                        })?;
                    if n == 0 {
                        self.eof = true;
                        break;
                    }
                    filled += n;
                }
                block.truncate(filled);
                if self.eof {
                    break;
                }
                if let Some(end) = block.iter().rposition(|&b| b == b'\n') {
                    self.carry.extend_from_slice(
                        block.get(end + 1..).unwrap_or_default(),
                    );
                    block.truncate(end + 1);
                    break;
                }
                // A line longer than the block: keep reading it.
            }
            if !block.is_empty() {
                batch.n_full += 1;
            }
        }
        Ok(())
    }
}

/// Streams `source` through `each(line, out_buf)` in blocks of whole
/// lines, several blocks at a time on `threads` threads; the output is the
/// same as line by line ([`input::for_each_line`] semantics: `\r\n` and a
/// final line without newline are lines, invalid UTF-8 is `file:line`
/// unless `lossy`). Reading the next batch and writing the previous one
/// overlap with normalizing the current one.
fn normalize_source(
    source: &Source,
    lossy: bool,
    threads: usize,
    out: &mut Output,
    each: impl Fn(&str, &mut String) + Sync,
) -> anyhow::Result<()> {
    let threads = threads.max(1);
    let name = source.name();
    let mut input = BlockReader {
        reader: source.open()?,
        name: name.clone(),
        carry: Vec::new(),
        eof: false,
    };
    let mut lines_before = 0usize;
    // Buffers are reused from batch to batch: fresh megabyte allocations
    // would cost a page fault per 4 KiB each time.
    let (mut current, mut other) = (Batch::new(threads), Batch::new(threads));
    input.fill(&mut current)?;
    // `other` holds the previous batch's results (to write) until it is
    // refilled with the next batch's input.
    let mut have_previous = false;
    loop {
        let each = &each;
        let to_compute = current.n_full;
        let (results, io) = std::thread::scope(|scope| {
            let handles: Vec<_> = current
                .blocks
                .iter()
                .zip(current.outs.iter_mut())
                .take(to_compute)
                .map(|(block, buf)| {
                    scope.spawn(move || {
                        normalize_block(block, lossy, each, buf)
                    })
                })
                .collect();
            let io = (|| -> anyhow::Result<()> {
                if have_previous {
                    write_batch(&other, out, &name, &mut lines_before)?;
                }
                if to_compute > 0 {
                    input.fill(&mut other)?;
                } else {
                    other.n_full = 0;
                }
                Ok(())
            })();
            let results: Vec<_> = handles
                .into_iter()
                .map(|h| h.join().unwrap_or(Err((0, 0))))
                .collect();
            (results, io)
        });
        io?;
        current.results = results;
        if to_compute == 0 {
            return Ok(());
        }
        std::mem::swap(&mut current, &mut other);
        have_previous = true;
    }
}

/// Writes a normalized batch in order, or the `file:line` error of its
/// first invalid block.
fn write_batch(
    batch: &Batch,
    out: &mut Output,
    name: &str,
    lines_before: &mut usize,
) -> anyhow::Result<()> {
    for (result, buf) in batch.results.iter().zip(&batch.outs) {
        match *result {
            Ok(n_lines) => {
                out.write_all(buf.as_bytes())?;
                *lines_before += n_lines;
            }
            Err((line, byte)) => {
                return Err(input::bad_input(
                    name,
                    (*lines_before + line + 1) as u64,
                    &format!(
                        "invalid UTF-8 at byte {byte} of the line \
                         (use --lossy to replace it)"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Reads into `block[from..]`, retrying on interruption: the number of
/// bytes read (0 at the end of the input).
fn read_some(
    reader: &mut impl Read,
    block: &mut [u8],
    from: usize,
) -> std::io::Result<usize> {
    let Some(spare) = block.get_mut(from..) else { return Ok(0) };
    loop {
        match reader.read(spare) {
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            result => return result,
        }
    }
}

/// Normalizes a block of whole lines into `out` (cleared first): the
/// number of lines, or the line index and byte offset of invalid UTF-8.
fn normalize_block(
    block: &[u8],
    lossy: bool,
    each: &impl Fn(&str, &mut String),
    out: &mut String,
) -> Result<usize, (usize, usize)> {
    out.clear();
    // SIMD validation first (most input is valid); the standard library
    // then locates the error.
    if let Ok(text) = simdutf8::basic::from_utf8(block) {
        return Ok(normalize_lines(text, each, out));
    }
    let text = match std::str::from_utf8(block) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) if lossy => String::from_utf8_lossy(block),
        Err(err) => {
            let bad = block.get(..err.valid_up_to()).unwrap_or_default();
            let line = bad.iter().filter(|&&b| b == b'\n').count();
            let line_start =
                bad.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            return Err((line, err.valid_up_to() - line_start));
        }
    };
    Ok(normalize_lines(&text, each, out))
}

/// Applies `each` to every line of `text`, appending to `out`: the number
/// of lines.
fn normalize_lines(
    text: &str,
    each: &impl Fn(&str, &mut String),
    out: &mut String,
) -> usize {
    out.reserve(text.len() + text.len() / 8);
    let mut n_lines = 0;
    for piece in text.split_inclusive('\n') {
        // As `input::for_each_line`: `\r` goes only before a `\n`.
        let line = match piece.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => piece,
        };
        each(line, out);
        out.push('\n');
        n_lines += 1;
    }
    n_lines
}

/// Normalizes one line as `script` says, appending it to `out`.
pub fn normalize_line_into(
    normalizer: &Normalizer,
    script: Script,
    line: &str,
    out: &mut String,
) {
    let latin = match script {
        Script::Arabic => false,
        Script::Latin => true,
        Script::Auto => !is_mostly_arabic(line),
    };
    if latin {
        tarjama_translit::latin::fold_into(line, out);
    } else {
        normalizer.normalize_into(line, out);
    }
}

/// Whether `line` has at least as many Arabic-script letters as Latin ones
/// (and at least one). ASCII is skipped byte by byte.
fn is_mostly_arabic(line: &str) -> bool {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_arabic_script(c) {
            arabic += 1;
        } else if c.is_alphabetic() && !c.is_ascii() {
            // Latin with diacritics and other scripts count as Latin: they
            // are what Latin folding is for.
            latin += usize::from(is_latin_extended(c));
        }
    }
    arabic > 0 && arabic >= latin
}

fn is_arabic_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFE}'
    )
}

fn is_latin_extended(c: char) -> bool {
    matches!(
        c,
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{02B0}'..='\u{02FF}'
    )
}
