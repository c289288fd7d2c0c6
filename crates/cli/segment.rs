//! `tarjama segment`: show a document's blocks and sentences as JSONL,
//! one object per block (format: docs/formats/segment.md).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args as ClapArgs;
use tarjama_segment::{Document, Lang, SegmentOptions};

use crate::input::{self, Source};
use crate::output::Output;

/// Segment a document into blocks (title, lead, questions, answers, …)
/// and sentences; print one JSON object per block.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Language of the document (`ar`, `en`, or any code for the generic
    /// rules); taken from a `NAME.LANG.txt` file name when not given.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The input has one sentence per line and blank lines between
    /// paragraphs: keep its sentences as they are.
    #[arg(long)]
    presegmented: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The document; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

/// Runs `tarjama segment`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let source = Source::from_args(args.file.as_slice())
        .into_iter()
        .next()
        .unwrap_or(Source::Stdin);
    let lang = match (&args.lang, &source) {
        (Some(code), _) => match code.parse::<Lang>() {
            Ok(lang) => lang,
            Err(err) => {
                eprintln!("tarjama segment: --lang: {err}");
                return Ok(ExitCode::from(2));
            }
        },
        (None, Source::File(path)) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match tarjama_record::split_lang_suffix(&name) {
                Some((_, code)) => Lang::from_code(code),
                None => {
                    eprintln!(
                        "tarjama segment: cannot tell the language of {name:?} \
                         (name it NAME.LANG.txt or pass --lang)"
                    );
                    return Ok(ExitCode::from(2));
                }
            }
        }
        (None, Source::Stdin) => {
            eprintln!(
                "tarjama segment: --lang is required when reading standard \
                 input"
            );
            return Ok(ExitCode::from(2));
        }
    };
    let text = input::read_text(&source, args.lossy)?;
    let mut options = SegmentOptions::default();
    options.presegmented = args.presegmented;
    let doc = Document::parse_with(&text, lang, &options);
    let name = source.name();
    for diagnostic in &doc.diagnostics {
        eprintln!("{name}:{}: warning: {}", diagnostic.line, diagnostic.kind);
    }
    let mut out = Output::create(args.output.as_deref())?;
    for block in &doc.blocks {
        serde_json::to_writer(&mut out, block).context("writing JSON")?;
        out.write_all(b"\n")?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
