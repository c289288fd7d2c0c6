//! `tarjama build`: the whole pipeline over a directory of bilingual
//! documents (or a manifest of document pairs): segment, align, filter,
//! and export every format at once, plus a termbase of the places found.
//!
//! Documents are aligned in parallel, but results are gathered in
//! document-name order before filtering and writing, so the output bytes
//! do not depend on the thread count.

use std::collections::BTreeMap;
use std::io::Write;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};
use clap::Args as ClapArgs;
use serde::Serialize;
use tarjama_align::{AlignOptions, Aligner};
use tarjama_export::{
    Filter, Format, FormatOptions, MosesWriter, PairWriter, Rejected, Report,
};
use tarjama_places::{Gazetteer, TagOptions, TermEntry, TermbaseFormat};
use tarjama_record::PairRecordV1;
use tarjama_segment::{Document, Lang};

use crate::input::{self, Source, bad_input};
use crate::output::Output;

/// The sample corpus compiled into the binary (see `build.rs`), used when
/// no input is named and `corpus/samples` is not in the working directory.
const EMBEDDED_SAMPLES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// Run the whole pipeline: segment, align, filter and export a corpus of
/// bilingual documents (`NAME.SRC.txt` + `NAME.TGT.txt`).
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Directory of `NAME.LANG.txt` documents; defaults to the shipped
    /// sample corpus (`corpus/samples`, or the copy built into the binary).
    #[arg(value_name = "INPUT_DIR", conflicts_with = "manifest")]
    input: Option<PathBuf>,
    /// A manifest of document pairs instead of a directory: one
    /// `NAME<TAB>SRC_PATH<TAB>TGT_PATH` per line (paths relative to the
    /// manifest), `#` comments and blank lines ignored.
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// Output directory (created if missing).
    #[arg(short, long, value_name = "OUT_DIR", default_value = "out")]
    output: PathBuf,
    /// Source language code.
    #[arg(long, value_name = "LANG", default_value = "ar")]
    src_lang: String,
    /// Target language code.
    #[arg(long, value_name = "LANG", default_value = "en")]
    tgt_lang: String,
    /// Formats to write, comma-separated, from jsonl, tmx, xliff, tsv,
    /// csv, moses (and parquet when built with the `parquet` feature).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "jsonl,tmx,xliff,tsv,moses"
    )]
    formats: Vec<String>,
    #[command(flatten)]
    filters: crate::export::FilterArgs,
    /// Worker threads for alignment (default: the number of cores). The
    /// output is the same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
    /// Do not write the place-name termbase.
    #[arg(long)]
    no_termbase: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

/// One document pair to align.
#[derive(Debug)]
struct DocPair {
    name: String,
    src: Text,
    tgt: Text,
}

/// Where a document's text comes from.
#[derive(Debug)]
enum Text {
    File(PathBuf),
    Embedded(&'static str, &'static str),
}

impl Text {
    fn name(&self) -> String {
        match self {
            Text::File(path) => path.display().to_string(),
            Text::Embedded(name, _) => format!("<built-in>/{name}"),
        }
    }

    fn read(&self, lossy: bool) -> anyhow::Result<String> {
        match self {
            Text::File(path) => {
                input::read_text(&Source::File(path.clone()), lossy)
            }
            Text::Embedded(_, text) => Ok((*text).to_string()),
        }
    }
}

/// What `report.json` says about a build.
#[derive(Debug, Serialize)]
struct BuildReport {
    documents: usize,
    unpaired: Vec<String>,
    sentences: BTreeMap<String, u64>,
    pairs_aligned: u64,
    links_by_type: BTreeMap<String, u64>,
    diagnostics: u64,
    export: Report,
    places: usize,
    outputs: Vec<String>,
}

/// Runs `tarjama build`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let formats = parse_formats(&args.formats)?;
    let pairs = discover(&args)?;
    if pairs.docs.is_empty() {
        bail!(
            "no document pairs found (expected NAME.{}.txt beside NAME.{}.txt)",
            args.src_lang,
            args.tgt_lang
        );
    }
    for name in &pairs.unpaired {
        eprintln!(
            "tarjama build: warning: {name} has no translation; skipped"
        );
    }

    let mut options = AlignOptions::default();
    options.src_lang = args.src_lang.clone();
    options.tgt_lang = args.tgt_lang.clone();
    let aligner = Aligner::new(options);
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let aligned = align_all(&aligner, &pairs.docs, &args, threads)?;

    let mut report = BuildReport {
        documents: pairs.docs.len(),
        unpaired: pairs.unpaired.clone(),
        sentences: BTreeMap::new(),
        pairs_aligned: 0,
        links_by_type: BTreeMap::new(),
        diagnostics: 0,
        export: Report::new(),
        places: 0,
        outputs: Vec::new(),
    };
    let mut filter = Filter::new(args.filters.options()?);
    let mut kept = Vec::new();
    let mut rejects = Vec::new();
    for doc in &aligned {
        *report.sentences.entry(args.src_lang.clone()).or_default() +=
            doc.src_sentences;
        *report.sentences.entry(args.tgt_lang.clone()).or_default() +=
            doc.tgt_sentences;
        report.diagnostics += doc.diagnostics;
        for record in &doc.records {
            report.pairs_aligned += 1;
            let shape = link_type(record, &args.src_lang, &args.tgt_lang);
            *report.links_by_type.entry(shape).or_default() += 1;
            let verdict = filter.check(record);
            report.export.count(verdict);
            match verdict {
                None => kept.push(record),
                Some(reason) => rejects.push((record, reason)),
            }
        }
    }

    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("creating {}", args.output.display()))?;
    // No creation date: the same input gives the same bytes.
    let format_options = FormatOptions::new(&args.src_lang, &args.tgt_lang);
    for format in formats {
        let (files, stats) =
            write_format(format, &kept, &args, &format_options)?;
        report.export.writer.merge(stats);
        report.outputs.extend(files);
    }

    let mut out = Output::atomic_file(&args.output.join("rejects.jsonl"))?;
    for (record, reason) in &rejects {
        let line = Rejected::new(record, *reason).to_json_line()?;
        writeln!(out, "{line}")?;
    }
    out.finish()?;
    report.outputs.push("rejects.jsonl".into());

    if !args.no_termbase {
        let gazetteer = Gazetteer::builtin()
            .map_err(|err| anyhow::anyhow!("built-in gazetteer: {err}"))?;
        let entries = termbase_entries(&gazetteer, &kept);
        report.places = entries.len();
        let tbx =
            tarjama_places::write_termbase(&entries, TermbaseFormat::Tbx);
        let mut out = Output::atomic_file(&args.output.join("places.tbx"))?;
        out.write_all(tbx.as_bytes())?;
        out.finish()?;
        report.outputs.push("places.tbx".into());
    }

    report.outputs.push("report.json".into());
    let json = serde_json::to_string_pretty(&report)?;
    let mut out = Output::atomic_file(&args.output.join("report.json"))?;
    writeln!(out, "{json}")?;
    out.finish()?;
    eprintln!(
        "tarjama build: {} documents, {} pairs aligned, {} kept, {} \
         rejected, {} places; wrote {}",
        report.documents,
        report.pairs_aligned,
        report.export.kept,
        report.export.rejected,
        report.places,
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The document pairs found, and the names that had only one side.
struct Discovered {
    docs: Vec<DocPair>,
    unpaired: Vec<String>,
}

fn discover(args: &Args) -> anyhow::Result<Discovered> {
    if let Some(manifest) = &args.manifest {
        return read_manifest(manifest, args.lossy);
    }
    let dir = match &args.input {
        Some(dir) => dir.clone(),
        None => {
            let local = PathBuf::from("corpus/samples");
            if local.is_dir() {
                local
            } else {
                return Ok(pair_names(
                    EMBEDDED_SAMPLES.iter().map(|&(name, text)| {
                        (name.to_string(), Text::Embedded(name, text))
                    }),
                    &args.src_lang,
                    &args.tgt_lang,
                ));
            }
        }
    };
    let entries = std::fs::read_dir(&dir).with_context(|| {
        format!("{}: cannot list directory", dir.display())
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry =
            entry.with_context(|| format!("listing {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(pair_names(
        files.into_iter().map(|(name, path)| (name, Text::File(path))),
        &args.src_lang,
        &args.tgt_lang,
    ))
}

/// Groups `NAME.SRC.txt` and `NAME.TGT.txt` files by `NAME`.
fn pair_names(
    files: impl Iterator<Item = (String, Text)>,
    src_lang: &str,
    tgt_lang: &str,
) -> Discovered {
    let mut sides: BTreeMap<String, (Option<Text>, Option<Text>)> =
        BTreeMap::new();
    for (file, text) in files {
        if !file.ends_with(".txt") {
            continue;
        }
        let Some((name, lang)) = tarjama_record::split_lang_suffix(&file)
        else {
            continue;
        };
        let slot = sides.entry(name.to_string()).or_default();
        if lang == src_lang {
            slot.0 = Some(text);
        } else if lang == tgt_lang {
            slot.1 = Some(text);
        }
    }
    let mut docs = Vec::new();
    let mut unpaired = Vec::new();
    for (name, slot) in sides {
        match slot {
            (Some(src), Some(tgt)) => docs.push(DocPair { name, src, tgt }),
            _ => unpaired.push(name),
        }
    }
    Discovered { docs, unpaired }
}

fn read_manifest(path: &Path, lossy: bool) -> anyhow::Result<Discovered> {
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let file = path.display().to_string();
    let mut docs = Vec::new();
    let mut line_no = 0u64;
    input::for_each_line(
        &[Source::File(path.to_path_buf())],
        lossy,
        |line| {
            line_no += 1;
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                return Ok(());
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [name, src, tgt] = fields.as_slice() else {
                return Err(bad_input(
                    &file,
                    line_no,
                    &format!(
                        "expected NAME<TAB>SRC_PATH<TAB>TGT_PATH, found {} \
                     field(s)",
                        fields.len()
                    ),
                ));
            };
            if name.is_empty() || src.is_empty() || tgt.is_empty() {
                return Err(bad_input(&file, line_no, "empty field"));
            }
            docs.push(DocPair {
                name: (*name).to_string(),
                src: Text::File(base.join(src)),
                tgt: Text::File(base.join(tgt)),
            });
            Ok(())
        },
    )?;
    Ok(Discovered { docs, unpaired: Vec::new() })
}

/// One aligned document.
struct AlignedDoc {
    records: Vec<PairRecordV1>,
    src_sentences: u64,
    tgt_sentences: u64,
    diagnostics: u64,
}

/// Aligns every document on `threads` workers; results keep document
/// order whatever the scheduling.
fn align_all(
    aligner: &Aligner,
    docs: &[DocPair],
    args: &Args,
    threads: usize,
) -> anyhow::Result<Vec<AlignedDoc>> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<anyhow::Result<AlignedDoc>>>> =
        docs.iter().map(|_| Mutex::new(None)).collect();
    let src_lang = Lang::from_code(&args.src_lang);
    let tgt_lang = Lang::from_code(&args.tgt_lang);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(docs.len()).max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(doc), Some(slot)) = (docs.get(i), slots.get(i))
                    else {
                        break;
                    };
                    let result = align_one(
                        aligner, doc, src_lang, tgt_lang, args.lossy,
                    );
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    let mut out = Vec::with_capacity(docs.len());
    for (slot, doc) in slots.into_iter().zip(docs) {
        let result = slot
            .into_inner()
            .ok()
            .flatten()
            .with_context(|| format!("aligning {} failed", doc.name))?;
        out.push(result?);
    }
    Ok(out)
}

fn align_one(
    aligner: &Aligner,
    doc: &DocPair,
    src_lang: Lang,
    tgt_lang: Lang,
    lossy: bool,
) -> anyhow::Result<AlignedDoc> {
    let src_text = doc.src.read(lossy)?;
    let tgt_text = doc.tgt.read(lossy)?;
    let src_doc = Document::parse(&src_text, src_lang);
    let tgt_doc = Document::parse(&tgt_text, tgt_lang);
    let (alignment, diagnostics) = aligner.align_documents(&src_doc, &tgt_doc);
    for d in &diagnostics {
        eprintln!(
            "tarjama build: {} / {}: {d}",
            doc.src.name(),
            doc.tgt.name()
        );
    }
    Ok(AlignedDoc {
        records: alignment.to_records(&doc.name),
        src_sentences: src_doc.sentence_count() as u64,
        tgt_sentences: tgt_doc.sentence_count() as u64,
        diagnostics: diagnostics.len() as u64,
    })
}

/// `1-1`, `2-1`, `1-0`, … from the record's sentence indices.
fn link_type(record: &PairRecordV1, src: &str, tgt: &str) -> String {
    let count = |lang: &str| record.idx.get(lang).map_or(0, Vec::len);
    format!("{}-{}", count(src), count(tgt))
}

fn parse_formats(names: &[String]) -> anyhow::Result<Vec<Format>> {
    let mut formats = Vec::new();
    for name in names {
        let Some(format) = Format::parse(name.trim()) else {
            bail!("unknown format {name:?} in --formats");
        };
        if !format.can_write() {
            bail!(
                "this tarjama was built without {name} support; rebuild \
                 with `cargo build --release --features {name}`"
            );
        }
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}

/// Writes the kept pairs in one format; returns the file names written
/// and the writer's statistics.
fn write_format(
    format: Format,
    kept: &[&PairRecordV1],
    args: &Args,
    options: &FormatOptions,
) -> anyhow::Result<(Vec<String>, tarjama_export::WriteStats)> {
    let dir = &args.output;
    if format == Format::Moses {
        let src_name = format!("corpus.{}", args.src_lang);
        let tgt_name = format!("corpus.{}", args.tgt_lang);
        let mut src_out = Output::atomic_file(&dir.join(&src_name))?;
        let mut tgt_out = Output::atomic_file(&dir.join(&tgt_name))?;
        let stats = {
            let mut writer =
                MosesWriter::new(&mut src_out, &mut tgt_out, options);
            write_pairs(&mut writer, kept, "the Moses files")?
        };
        src_out.finish()?;
        tgt_out.finish()?;
        return Ok((vec![src_name, tgt_name], stats));
    }
    let file = format!("corpus.{}", format.name());
    let mut out = Output::atomic_file(&dir.join(&file))?;
    #[cfg(feature = "parquet")]
    if format == Format::Parquet {
        // The Parquet writer needs a `Send` sink; the file is small
        // enough per build to go through memory.
        let mut buf = Vec::new();
        let stats = {
            let mut writer =
                tarjama_export::ParquetWriter::new(&mut buf, options)
                    .with_context(|| format!("writing {file}"))?;
            write_pairs(&mut writer, kept, &file)?
        };
        out.write_all(&buf)?;
        out.finish()?;
        return Ok((vec![file], stats));
    }
    let stats = {
        let mut writer = tarjama_export::writer(format, &mut out, options)
            .with_context(|| format!("writing {file}"))?;
        write_pairs(&mut writer, kept, &file)?
    };
    out.finish()?;
    Ok((vec![file], stats))
}

/// Streams the kept pairs through `writer`; returns its statistics.
fn write_pairs(
    writer: &mut dyn PairWriter,
    kept: &[&PairRecordV1],
    file: &str,
) -> anyhow::Result<tarjama_export::WriteStats> {
    for pair in kept {
        writer.write_pair(pair).with_context(|| format!("writing {file}"))?;
    }
    writer.finish().with_context(|| format!("writing {file}"))?;
    Ok(writer.stats())
}

/// The places mentioned on either side of the kept pairs, in gazetteer
/// order, with the corpus spellings seen for each.
fn termbase_entries<'g>(
    gazetteer: &'g Gazetteer,
    kept: &[&PairRecordV1],
) -> Vec<TermEntry<'g>> {
    let options = TagOptions::default();
    let mut seen: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for pair in kept {
        for text in pair.translation.values() {
            for mention in gazetteer.tag(text, &options) {
                let spellings = seen.entry(mention.place).or_default();
                let surface = mention.surface(text).to_string();
                if !spellings.contains(&surface) {
                    spellings.push(surface);
                }
            }
        }
    }
    seen.into_iter()
        .filter_map(|(index, mut spellings)| {
            let place = gazetteer.place(index)?;
            spellings.sort();
            let mut entry = TermEntry::new(place);
            entry.seen = spellings;
            Some(entry)
        })
        .collect()
}
