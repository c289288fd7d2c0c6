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
/// parallel and written in order, so memory stays bounded by
/// `2 * threads * BLOCK` plus the longest line.
const BLOCK: usize = 1 << 20;

/// Streams `source` through `each(line, out_buf)` in blocks of whole
/// lines, several blocks at a time on `threads` threads; the output is the
/// same as line by line ([`input::for_each_line`] semantics: `\r\n` and a
/// final line without newline are lines, invalid UTF-8 is `file:line`
/// unless `lossy`).
fn normalize_source(
    source: &Source,
    lossy: bool,
    threads: usize,
    out: &mut Output,
    each: impl Fn(&str, &mut String) + Sync,
) -> anyhow::Result<()> {
    let mut reader = source.open()?;
    let name = source.name();
    let mut lines_before = 0usize;
    // Buffers are reused from batch to batch: fresh megabyte allocations
    // would cost a page fault per 4 KiB each time.
    let mut blocks: Vec<Vec<u8>> = vec![Vec::new(); threads.max(1)];
    let mut outs: Vec<String> = vec![String::new(); threads.max(1)];
    let mut carry: Vec<u8> = Vec::new();
    let mut eof = false;
    while !eof {
        // Fill up to `threads` blocks, each ending at a line end.
        let mut n_full = 0;
        for block in blocks.iter_mut() {
            if eof {
                break;
            }
            block.clear();
            block.append(&mut carry);
            loop {
                // Reads of at least the reader's buffer size go straight
                // into the block, without a copy through that buffer.
                let mut filled = block.len();
                block.resize(filled + BLOCK, 0);
                while filled < block.len() {
                    let n = read_some(&mut reader, block, filled)
                        .with_context(|| format!("{name}: read error"))?;
                    if n == 0 {
                        eof = true;
                        break;
                    }
                    filled += n;
                }
                block.truncate(filled);
                if eof {
                    break;
                }
                if let Some(end) = block.iter().rposition(|&b| b == b'\n') {
                    carry.extend_from_slice(
                        block.get(end + 1..).unwrap_or_default(),
                    );
                    block.truncate(end + 1);
                    break;
                }
                // A line longer than the block: keep reading it.
            }
            if !block.is_empty() {
                n_full += 1;
            }
        }
        let jobs = blocks.iter().zip(outs.iter_mut()).take(n_full);
        let results: Vec<Result<usize, (usize, usize)>> = if n_full <= 1 {
            jobs.map(|(block, buf)| normalize_block(block, lossy, &each, buf))
                .collect()
        } else {
            let each = &each;
            std::thread::scope(|scope| {
                let handles: Vec<_> = jobs
                    .map(|(block, buf)| {
                        scope.spawn(move || {
                            normalize_block(block, lossy, each, buf)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or(Err((0, 0))))
                    .collect()
            })
        };
        for (result, buf) in results.into_iter().zip(&outs) {
            match result {
                Ok(n_lines) => {
                    out.write_all(buf.as_bytes())?;
                    lines_before += n_lines;
                }
                Err((line, byte)) => {
                    return Err(input::bad_input(
                        &name,
                        (lines_before + line + 1) as u64,
                        &format!(
                            "invalid UTF-8 at byte {byte} of the line \
                             (use --lossy to replace it)"
                        ),
                    ));
                }
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
