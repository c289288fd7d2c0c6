//! `tarjama align`: align a document and its translation into pair
//! records (JSONL), optionally scored against a gold alignment
//! (format: docs/formats/align.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args as ClapArgs, ValueEnum};
use tarjama_align::eval::{format_vecalign, parse_vecalign};
use tarjama_align::{AlignOptions, Aligner, Dictionary, Evaluation, Sentence};
use tarjama_segment::{Document, Lang};

use crate::input::{self, Source, bad_input};
use crate::output::Output;

/// What `tarjama align` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Pair records, one JSON object per line.
    Jsonl,
    /// Links only, vecalign's `[i,j]:[k]` per line.
    Vecalign,
}

/// Align a document with its translation; write one pair record (JSON)
/// per aligned pair, in document order.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Source language; default from a `NAME.LANG.txt` file name, else
    /// `ar`.
    #[arg(long, value_name = "LANG")]
    src_lang: Option<String>,
    /// Target language; default from a `NAME.LANG.txt` file name, else
    /// `en`.
    #[arg(long, value_name = "LANG")]
    tgt_lang: Option<String>,
    /// The inputs have one sentence per line, blank lines between
    /// paragraphs.
    #[arg(long)]
    presegmented: bool,
    /// Use these sentences (one per line) instead of segmenting SRC;
    /// they are placed into SRC's structure. Needs --tgt-sents.
    #[arg(long, value_name = "FILE", requires = "tgt_sents")]
    src_sents: Option<PathBuf>,
    /// Use these sentences (one per line) instead of segmenting TGT.
    #[arg(long, value_name = "FILE", requires = "src_sents")]
    tgt_sents: Option<PathBuf>,
    /// A bilingual dictionary in hunalign's format (`target @ source`
    /// per line) as extra evidence.
    #[arg(long, value_name = "FILE")]
    dict: Option<PathBuf>,
    /// Sentence lengths only (plain Gale–Church with the adaptive length
    /// model): no anchors, structure or dictionary.
    #[arg(long)]
    length_only: bool,
    /// Score against this gold alignment (vecalign format, indices into
    /// the sentences as segmented); strict/lax P/R/F1 go to stderr.
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// With --gold: also write the scores as JSON here.
    #[arg(long, value_name = "PATH", requires = "gold")]
    report: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Document name for the records (default: NAME of NAME.LANG.txt).
    #[arg(long, value_name = "NAME")]
    doc: Option<String>,
    /// Do not flag pairs whose sides are not in their language.
    #[arg(long)]
    no_lang_check: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The source document.
    #[arg(value_name = "SRC")]
    src: PathBuf,
    /// The translated document.
    #[arg(value_name = "TGT")]
    tgt: PathBuf,
}

fn name_and_lang(path: &Path) -> (String, Option<String>) {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match tarjama_record::split_lang_suffix(&file) {
        Some((name, lang)) => (name.to_string(), Some(lang.to_string())),
        None => {
            let stem = file.split('.').next().unwrap_or_default();
            (stem.to_string(), None)
        }
    }
}

fn read_lines(path: &Path, lossy: bool) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    input::for_each_line(&[Source::File(path.to_path_buf())], lossy, |l| {
        out.push(l.to_string());
        Ok(())
    })?;
    Ok(out)
}

/// Runs `tarjama align`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.src.as_os_str() == "-" && args.tgt.as_os_str() == "-" {
        eprintln!("tarjama align: SRC and TGT cannot both be standard input");
        return Ok(ExitCode::from(2));
    }
    let (src_name, src_file_lang) = name_and_lang(&args.src);
    let (_, tgt_file_lang) = name_and_lang(&args.tgt);
    let mut options = AlignOptions::default();
    options.src_lang =
        args.src_lang.or(src_file_lang).unwrap_or_else(|| "ar".into());
    options.tgt_lang =
        args.tgt_lang.or(tgt_file_lang).unwrap_or_else(|| "en".into());
    options.length_only = args.length_only;
    options.check_lang = !args.no_lang_check;
    let mut aligner = Aligner::new(options.clone());
    if let Some(path) = &args.dict {
        let text = input::read_text(&Source::File(path.clone()), args.lossy)?;
        let (dict, diagnostics) = Dictionary::parse(&text);
        for d in diagnostics {
            eprintln!("tarjama align: {}: {d}", path.display());
        }
        aligner = aligner.with_dictionary(dict);
    }
    let read = |path: &PathBuf| {
        let source = Source::from_args(std::slice::from_ref(path))
            .into_iter()
            .next()
            .unwrap_or(Source::Stdin);
        input::read_text(&source, args.lossy)
    };
    let src_text = read(&args.src)?;
    let tgt_text = read(&args.tgt)?;
    let (src_lang, tgt_lang) = (
        Lang::from_code(&options.src_lang),
        Lang::from_code(&options.tgt_lang),
    );
    let parse = |text: &str, lang: Lang| {
        if args.presegmented {
            Document::from_presegmented(text, lang)
        } else {
            Document::parse(text, lang)
        }
    };
    let src_doc = parse(&src_text, src_lang);
    let tgt_doc = parse(&tgt_text, tgt_lang);
    let (alignment, diagnostics) = match (&args.src_sents, &args.tgt_sents) {
        (Some(src_path), Some(tgt_path)) => {
            let src_lines = read_lines(src_path, args.lossy)?;
            let tgt_lines = read_lines(tgt_path, args.lossy)?;
            let src = Sentence::place_in(&src_text, &src_doc, &src_lines);
            let tgt = Sentence::place_in(&tgt_text, &tgt_doc, &tgt_lines);
            aligner.align_structured(&src, &tgt)
        }
        _ => aligner.align_documents(&src_doc, &tgt_doc),
    };
    for d in &diagnostics {
        eprintln!("tarjama align: {d}");
    }
    let doc = args.doc.unwrap_or(src_name);
    let mut out = Output::create(args.output.as_deref())?;
    match args.format {
        Format::Jsonl => {
            for record in alignment.to_records(&doc) {
                let line =
                    record.to_json_line().context("serializing a pair")?;
                writeln!(out, "{line}")?;
            }
        }
        Format::Vecalign => out
            .write_all(format_vecalign(&alignment.index_links()).as_bytes())?,
    }
    out.finish()?;
    if let Some(gold_path) = &args.gold {
        let text = input::read_text(&Source::File(gold_path.clone()), false)?;
        let gold = parse_vecalign(&text).map_err(|err| {
            let (line, message) = match err.kind() {
                tarjama_align::AlignErrorKind::BadGoldLine {
                    line,
                    message,
                } => (*line as u64, message.clone()),
                _ => (0, err.to_string()),
            };
            bad_input(&gold_path.display().to_string(), line, &message)
        })?;
        let mut evaluation = Evaluation::new();
        evaluation.add(&gold, &alignment.index_links());
        let s = evaluation.scores();
        eprintln!("             strict    lax");
        eprintln!(
            "precision    {:.4}    {:.4}",
            s.precision_strict, s.precision_lax
        );
        eprintln!(
            "recall       {:.4}    {:.4}",
            s.recall_strict, s.recall_lax
        );
        eprintln!("f1           {:.4}    {:.4}", s.f1_strict, s.f1_lax);
        if let Some(path) = &args.report {
            let mut report = Output::create(Some(path))?;
            let json =
                serde_json::to_string(&s).context("serializing scores")?;
            writeln!(report, "{json}")?;
            report.finish()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
