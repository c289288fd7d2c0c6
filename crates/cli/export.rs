//! `tarjama export`: convert pairs between corpus formats, filtering them
//! on the way (rejects file and report).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use tarjama_export::{
    ExportError, Filter, FilterOptions, Format, FormatOptions, MosesReader,
    MosesWriter, PairWriter, Reason, Rejected, Report,
};
use tarjama_record::PairRecordV1;

use crate::input::{Source, bad_input};
use crate::output::Output;

/// Convert aligned pairs to TMX, Moses, TSV, CSV, JSONL, Parquet or
/// XLIFF (from any of the readable formats), filtering bad pairs into a
/// rejects file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: tmx, moses, tsv, csv, jsonl, parquet, xliff.
    #[arg(long, value_parser = parse_format)]
    to: Format,
    /// Input format (default: from the file extension, else from the
    /// content).
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// Output file (default: standard output). For Moses, a prefix:
    /// `-o corpus` writes `corpus.ar` and `corpus.en`.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Write rejected pairs here (JSONL: the record plus `reason`).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Write the report (JSON) here instead of standard error.
    #[arg(long)]
    report: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Source language code.
    #[arg(long, default_value = "ar")]
    src_lang: String,
    /// Target language code.
    #[arg(long, default_value = "en")]
    tgt_lang: String,
    /// TMX creation date (YYYYMMDDThhmmssZ); left out by default so that
    /// output is byte-identical across runs.
    #[arg(long)]
    creation_date: Option<String>,
    /// CSV: keep cells that start with = + - @ as they are (by default an
    /// apostrophe is put before them, and removed again on reading).
    #[arg(long)]
    keep_formulas: bool,
    /// Input file (default: standard input). Moses input takes the two
    /// files (`corpus.ar corpus.en`), or one of them and finds the other.
    #[arg(value_name = "INPUT", num_args = 0..=2)]
    inputs: Vec<PathBuf>,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::parse(name).ok_or_else(|| {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {name:?} (want one of {})", names.join(", "))
    })
}

/// Turns a library error into `file:line: message` (bad input) or an I/O
/// error with context.
fn input_error(file: &str, err: ExportError) -> anyhow::Error {
    match (err.is_io_error(), err.line()) {
        (true, _) => {
            anyhow::Error::new(err).context(format!("reading {file}"))
        }
        (false, Some(line)) => bad_input(file, line, &err.message()),
        (false, None) => bad_input(file, 0, &err.message()),
    }
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    let file = File::open(path)
        .with_context(|| format!("{}: cannot open", path.display()))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

/// The other file of a Moses pair: `corpus.ar` → `corpus.en`.
fn moses_sibling(path: &Path, from: &str, to: &str) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(&format!(".{from}"))?;
    Some(path.with_file_name(format!("{stem}.{to}")))
}

/// The two Moses files for a prefix: `corpus` → `corpus.ar`, `corpus.en`
/// (a prefix already ending in `.ar` is taken as the source file).
fn moses_paths(prefix: &Path, options: &FormatOptions) -> (PathBuf, PathBuf) {
    let src_ext = format!(".{}", options.src_lang);
    let text = prefix.to_string_lossy();
    let stem = text.strip_suffix(&src_ext).unwrap_or(&text);
    (
        PathBuf::from(format!("{stem}.{}", options.src_lang)),
        PathBuf::from(format!("{stem}.{}", options.tgt_lang)),
    )
}

/// Where the pairs come from, opened.
struct Input {
    name: String,
    pairs: Box<dyn Iterator<Item = Result<PairRecordV1, ExportError>>>,
}

fn open_input(args: &Args, options: &FormatOptions) -> anyhow::Result<Input> {
    let first = args.inputs.first().filter(|p| p.as_os_str() != "-");
    let mut format =
        args.from.or_else(|| first.and_then(|p| Format::from_path(p)));
    if format == Some(Format::Moses) || args.inputs.len() == 2 {
        let (src, tgt) = match args.inputs.as_slice() {
            [src, tgt] => (src.clone(), tgt.clone()),
            [one] => {
                // `corpus.en` given: its sibling is `corpus.ar`.
                match moses_sibling(one, &options.tgt_lang, &options.src_lang)
                {
                    Some(src) => (src, one.clone()),
                    None => moses_paths(one, options),
                }
            }
            _ => {
                bail!("Moses input needs the two files (corpus.ar corpus.en)")
            }
        };
        let name = src.display().to_string();
        let reader = MosesReader::new(open(&src)?, open(&tgt)?, options);
        return Ok(Input { name, pairs: Box::new(reader) });
    }
    let source = match first {
        Some(path) => Source::File(path.clone()),
        None => Source::Stdin,
    };
    let name = source.name();
    if format == Some(Format::Parquet) {
        return open_parquet(first, options);
    }
    let mut reader = source.open()?;
    if format.is_none() {
        let head =
            reader.fill_buf().with_context(|| format!("reading {name}"))?;
        format = Format::sniff(head);
    }
    let Some(format) = format else {
        bail!(
            "{name}: cannot tell the input format; give it with --from \
             (tmx, moses, tsv, csv, jsonl, parquet, xliff)"
        );
    };
    if format == Format::Parquet {
        return open_parquet(first, options);
    }
    let pairs = tarjama_export::reader(format, reader, options)
        .map_err(|err| input_error(&name, err))?;
    Ok(Input { name, pairs })
}

#[cfg(feature = "parquet")]
fn open_parquet(
    path: Option<&PathBuf>,
    options: &FormatOptions,
) -> anyhow::Result<Input> {
    let Some(path) = path else {
        bail!("Parquet input must be a file (it is read from the end)");
    };
    let name = path.display().to_string();
    let file =
        File::open(path).with_context(|| format!("{name}: cannot open"))?;
    let reader = tarjama_export::ParquetReader::new(file, options)
        .map_err(|err| input_error(&name, err))?;
    Ok(Input { name, pairs: Box::new(reader) })
}

#[cfg(not(feature = "parquet"))]
fn open_parquet(
    _path: Option<&PathBuf>,
    _options: &FormatOptions,
) -> anyhow::Result<Input> {
    bail!(
        "this tarjama was built without Parquet support; rebuild with \
         `cargo build --release --features parquet`"
    )
}

/// The filter switches shared by `tarjama export` and `tarjama build`.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Switch a filter off (repeatable, or comma-separated): empty,
    /// no-text, too-long, identical, length-ratio, unbalanced, lang-id,
    /// duplicate, near-duplicate, or `all`.
    #[arg(long = "no-filter", value_name = "NAME")]
    no_filter: Vec<String>,
    /// The unbalanced filter also checks quotes (« » “ ” and straight
    /// double quotes); off by default, as quotations often span sentences.
    #[arg(long)]
    check_quotes: bool,
    /// Longest side kept, in characters.
    #[arg(long, default_value_t = 1000)]
    max_chars: usize,
}

impl FilterArgs {
    /// The library's filter options for these switches.
    pub fn options(&self) -> anyhow::Result<FilterOptions> {
        let mut options = FilterOptions::default();
        options.max_chars = self.max_chars;
        options.check_quotes = self.check_quotes;
        for name in &self.no_filter {
            for name in name.split(',').filter(|n| !n.is_empty()) {
                if name == "all" {
                    options.disabled.extend(Reason::ALL);
                    continue;
                }
                let Some(reason) = Reason::parse(name) else {
                    let names: Vec<_> =
                        Reason::ALL.iter().map(|r| r.name()).collect();
                    bail!(
                        "unknown filter {name:?} (want one of {}, all)",
                        names.join(", ")
                    );
                };
                options.disabled.insert(reason);
            }
        }
        Ok(options)
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut options = FormatOptions::new(&args.src_lang, &args.tgt_lang);
    options.creation_date = args.creation_date.clone();
    options.neutralize_formulas = !args.keep_formulas;
    if !args.to.can_write() {
        bail!(
            "this tarjama was built without Parquet support; rebuild with \
             `cargo build --release --features parquet`"
        );
    }
    let moses_prefix = match (&args.output, args.to) {
        (Some(prefix), _) => prefix.clone(),
        (None, Format::Moses) => bail!(
            "Moses output needs -o PREFIX (writes PREFIX.{} and PREFIX.{})",
            options.src_lang,
            options.tgt_lang
        ),
        (None, _) => PathBuf::new(),
    };
    let filter = Filter::new(args.filters.options()?);
    let input = open_input(&args, &options)?;

    let mut rejects = match &args.rejects {
        Some(path) => Some(Output::atomic_file(path)?),
        None => None,
    };
    let mut report = Report::new();
    let mut state =
        Pump { filter, report: &mut report, rejects: &mut rejects };
    match args.to {
        Format::Moses => {
            let (src, tgt) = moses_paths(&moses_prefix, &options);
            let mut src_out = Staged::create(&src)?;
            let mut tgt_out = Staged::create(&tgt)?;
            state.run(
                input,
                &mut MosesWriter::new(&mut src_out, &mut tgt_out, &options),
            )?;
            // Both files are written and synced before either is renamed
            // into place, so a failure (disk full, bad input) leaves both
            // previous files.
            let src_done = src_out.complete()?;
            let tgt_done = tgt_out.complete()?;
            src_done.commit()?;
            tgt_done.commit()?;
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => write_parquet(&args, &options, input, state)?,
        format => {
            let mut out = Output::create(args.output.as_deref())?;
            let mut writer =
                tarjama_export::writer(format, &mut out, &options)?;
            state.run(input, &mut writer)?;
            drop(writer);
            out.finish()?;
        }
    }
    if let Some(out) = rejects {
        out.finish()?;
    }
    let json = report.to_json();
    match &args.report {
        Some(path) => {
            let mut out = Output::atomic_file(path)?;
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
            out.finish()?;
        }
        None => {
            let mut err = io::stderr().lock();
            writeln!(err, "{json}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A file written under a temporary name in its target's directory, to be
/// renamed into place in two steps: [`Staged::complete`] flushes and syncs,
/// [`Completed::commit`] renames.
struct Staged {
    writer: io::BufWriter<tempfile::NamedTempFile>,
    target: PathBuf,
}

/// A staged file whose bytes are all on disk, not yet renamed.
struct Completed {
    file: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Staged {
    fn create(target: &Path) -> anyhow::Result<Staged> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".tarjama-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .with_context(|| {
                format!("creating a temporary file in {}", dir.display())
            })?;
        Ok(Staged {
            writer: io::BufWriter::with_capacity(1 << 16, file),
            target: target.to_path_buf(),
        })
    }

    fn complete(self) -> anyhow::Result<Completed> {
        let target = self.target;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("writing {}", target.display()))?;
        file.as_file()
            .sync_all()
            .with_context(|| format!("syncing {}", target.display()))?;
        Ok(Completed { file, target })
    }
}

impl Completed {
    fn commit(self) -> anyhow::Result<()> {
        self.file.persist(&self.target).with_context(|| {
            format!("renaming onto {}", self.target.display())
        })?;
        Ok(())
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The filtering loop: every pair is counted, kept pairs go to the
/// writer, rejected ones to the rejects file.
struct Pump<'a> {
    filter: Filter,
    report: &'a mut Report,
    rejects: &'a mut Option<Output>,
}

impl Pump<'_> {
    fn run(
        &mut self,
        input: Input,
        writer: &mut dyn PairWriter,
    ) -> anyhow::Result<()> {
        for result in input.pairs {
            let pair = result.map_err(|err| input_error(&input.name, err))?;
            let verdict = self.filter.check(&pair);
            self.report.count(verdict);
            match verdict {
                None => {
                    writer.write_pair(&pair).context("writing the output")?
                }
                Some(reason) => {
                    if let Some(out) = self.rejects.as_mut() {
                        let line =
                            Rejected::new(&pair, reason).to_json_line()?;
                        out.write_all(line.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                }
            }
        }
        writer.finish().context("writing the output")?;
        self.report.writer = writer.stats();
        Ok(())
    }
}

/// Parquet goes through a [`Staged`] file or an unlocked standard output:
/// the Parquet writer needs a `Send` sink, which [`Output`] is not.
#[cfg(feature = "parquet")]
fn write_parquet(
    args: &Args,
    options: &FormatOptions,
    input: Input,
    mut state: Pump<'_>,
) -> anyhow::Result<()> {
    use tarjama_export::ParquetWriter;
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            let mut out = Staged::create(path)?;
            state.run(input, &mut ParquetWriter::new(&mut out, options)?)?;
            out.complete()?.commit()?;
        }
        _ => {
            let out = io::BufWriter::with_capacity(1 << 16, io::stdout());
            state.run(input, &mut ParquetWriter::new(out, options)?)?;
        }
    }
    Ok(())
}
