//! `tarjama places`: resolve, cluster and tag place names, and export a
//! termbase. Glue only: the logic lives in `tarjama_places`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use tarjama_places::termbase::TermEntry;
use tarjama_places::{
    Convention, Gazetteer, Place, PlacesError, PlacesErrorKind,
    ResolveOptions, TagOptions, TermbaseFormat, cluster, parse_geonames,
    parse_tsv,
};

use crate::input::{self, BadInput, Source};
use crate::output::Output;

/// Place names: resolve, cluster, tag, termbase.
#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    command: PlacesCommand,
}

#[derive(Debug, Subcommand)]
enum PlacesCommand {
    /// Resolve each input line to a place: prints
    /// `input<TAB>id<TAB>name_en<TAB>name_ar<TAB>method<TAB>score`
    /// (id, names and method empty when unresolved).
    Resolve(ResolveArgs),
    /// Group spellings of the same place from many sources (plain lines,
    /// or CSV `source,name` with --csv).
    Cluster(ClusterArgs),
    /// Find place mentions in running text: JSONL spans, or the text with
    /// every mention respelled (--rewrite).
    Tag(TagArgs),
    /// Export the places found in a corpus (or the whole gazetteer with
    /// --all) as a TBX-Basic or CSV termbase.
    Termbase(TermbaseArgs),
}

/// Where the gazetteer comes from.
#[derive(Debug, ClapArgs)]
struct GazetteerArgs {
    /// A gazetteer in tarjama's TSV format (repeatable). Replaces the
    /// built-in gazetteer unless --with-builtin is given.
    #[arg(long, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,
    /// A GeoNames dump such as SY.txt (repeatable). Replaces the built-in
    /// gazetteer unless --with-builtin is given.
    #[arg(long, value_name = "DUMP")]
    geonames: Vec<PathBuf>,
    /// Also load the built-in gazetteer when --gazetteer or --geonames is
    /// given (it comes first; rows with the same id are merged).
    #[arg(long)]
    with_builtin: bool,
    /// Keep only places of this country (ISO 3166-1 alpha-2, e.g. SY).
    #[arg(long, value_name = "CC")]
    country: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

#[derive(Debug, ClapArgs)]
struct ResolveArgs {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// Add a seventh column listing every candidate as `id:score`,
    /// best first (more than one when the name is ambiguous).
    #[arg(long)]
    candidates: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Input files; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Debug, ClapArgs)]
struct ClusterArgs {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// Read CSV records `source,name` (a `source,name` header is skipped)
    /// instead of one name per line (whose source is the file name).
    #[arg(long)]
    csv: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClusterFormat::Jsonl)]
    format: ClusterFormat,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Input files; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ClusterFormat {
    /// One JSON object per cluster.
    Jsonl,
    /// One line per spelling: `cluster<TAB>canonical<TAB>id<TAB>spelling
    /// <TAB>count<TAB>sources`.
    Tsv,
}

#[derive(Debug, ClapArgs)]
struct TagArgs {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// Respell every mention in this convention and print the text
    /// (one output line per input line) instead of JSONL spans.
    #[arg(long, value_enum, value_name = "CONVENTION")]
    rewrite: Option<ConventionArg>,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Input files; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ConventionArg {
    /// English news spelling (Deir ez-Zor).
    En,
    /// Arabic script (دير الزور).
    Ar,
    /// BGN/PCGN romanization (Dayr az Zawr).
    Bgn,
}

impl From<ConventionArg> for Convention {
    fn from(arg: ConventionArg) -> Convention {
        match arg {
            ConventionArg::En => Convention::En,
            ConventionArg::Ar => Convention::Ar,
            ConventionArg::Bgn => Convention::Bgn,
        }
    }
}

#[derive(Debug, ClapArgs)]
struct TermbaseArgs {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// The termbase format.
    #[arg(long, value_enum, default_value_t = FormatArg::Tbx)]
    format: FormatArg,
    /// Export every place of the gazetteer instead of those found in the
    /// input text.
    #[arg(long)]
    all: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Corpus files to tag; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// TBX-Basic (XML).
    Tbx,
    /// CSV.
    Csv,
}

/// Runs `tarjama places`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        PlacesCommand::Resolve(a) => resolve(a),
        PlacesCommand::Cluster(a) => run_cluster(a),
        PlacesCommand::Tag(a) => tag(a),
        PlacesCommand::Termbase(a) => termbase(a),
    }
}

fn places_error(err: PlacesError) -> anyhow::Error {
    match err.kind() {
        PlacesErrorKind::Malformed { .. } => {
            anyhow::Error::new(BadInput(err.to_string()))
        }
        _ => anyhow::Error::new(err),
    }
}

fn load(args: &GazetteerArgs) -> anyhow::Result<Gazetteer> {
    if args.gazetteer.is_empty() && args.geonames.is_empty() {
        return Gazetteer::builtin().map_err(places_error);
    }
    let mut places: Vec<Place> = Vec::new();
    if args.with_builtin {
        places.extend(
            parse_tsv(tarjama_places::BUILTIN_TSV, "builtin")
                .map_err(places_error)?,
        );
    }
    for path in &args.gazetteer {
        let source = Source::File(path.clone());
        let text = input::read_text(&source, args.lossy)?;
        places.extend(parse_tsv(&text, &source.name()).map_err(places_error)?);
    }
    for path in &args.geonames {
        let source = Source::File(path.clone());
        let text = input::read_text(&source, args.lossy)?;
        let options = tarjama_places::GeoNamesOptions::default();
        places.extend(
            parse_geonames(&text, &source.name(), &options)
                .map_err(places_error)?,
        );
    }
    Ok(Gazetteer::from_places(places))
}

fn resolve_options(args: &GazetteerArgs) -> ResolveOptions {
    let mut options = ResolveOptions::default();
    options.country = args.country.clone();
    options
}

fn tag_options(args: &GazetteerArgs) -> TagOptions {
    let mut options = TagOptions::default();
    options.country = args.country.clone();
    options
}

/// Replaces tabs and line breaks so a field stays one TSV cell.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn resolve(args: ResolveArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load(&args.gazetteer)?;
    let options = resolve_options(&args.gazetteer);
    let sources = Source::from_args(&args.files);
    let mut out = Output::create(args.output.as_deref())?;
    input::for_each_line(&sources, args.gazetteer.lossy, |line| {
        let r = gazetteer.resolve(line, &options);
        let best = r.best().and_then(|c| Some((gazetteer.place(c.place)?, c)));
        let mut row = cell(line);
        match (best, r.method) {
            (Some((place, c)), Some(method)) => {
                row.push('\t');
                row.push_str(&cell(&place.id));
                row.push('\t');
                row.push_str(&cell(&place.name_en));
                row.push('\t');
                row.push_str(&cell(&place.name_ar));
                row.push('\t');
                row.push_str(method.name());
                row.push('\t');
                row.push_str(&format!("{:.3}", c.score));
            }
            _ => row.push_str("\t\t\t\t\t"),
        }
        if args.candidates {
            row.push('\t');
            let list: Vec<String> = r
                .candidates
                .iter()
                .filter_map(|c| {
                    let p = gazetteer.place(c.place)?;
                    Some(format!("{}:{:.3}", cell(&p.id), c.score))
                })
                .collect();
            row.push_str(&list.join(","));
        }
        row.push('\n');
        out.write_all(row.as_bytes())?;
        Ok(())
    })?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn run_cluster(args: ClusterArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load(&args.gazetteer)?;
    let options = resolve_options(&args.gazetteer);
    let sources = Source::from_args(&args.files);
    let mut items: Vec<(String, String)> = Vec::new();
    for source in &sources {
        let text = input::read_text(source, args.gazetteer.lossy)?;
        if args.csv {
            let rows = tarjama_places::cluster::parse_source_csv(
                &text,
                &source.name(),
            )
            .map_err(places_error)?;
            items.extend(rows);
        } else {
            let name = source.name();
            for line in text.lines() {
                items.push((name.clone(), line.to_owned()));
            }
        }
    }
    let clusters = cluster(
        &gazetteer,
        items.iter().map(|(s, n)| (s.as_str(), n.as_str())),
        &options,
    );
    let mut out = Output::create(args.output.as_deref())?;
    for (n, c) in clusters.iter().enumerate() {
        let place = c.place.and_then(|p| gazetteer.place(p));
        match args.format {
            ClusterFormat::Jsonl => {
                let spellings: Vec<serde_json::Value> = c
                    .spellings
                    .iter()
                    .map(|s| {
                        serde_json::json!({
                            "text": s.text,
                            "count": s.count,
                            "sources": s.sources,
                        })
                    })
                    .collect();
                let value = serde_json::json!({
                    "canonical": c.canonical,
                    "id": place.map(|p| p.id.as_str()),
                    "name_ar": place.map(|p| p.name_ar.as_str()),
                    "method": c.method.map(|m| m.name()),
                    "count": c.count,
                    "sources": c.sources,
                    "spellings": spellings,
                });
                serde_json::to_writer(&mut out, &value)?;
                out.write_all(b"\n")?;
            }
            ClusterFormat::Tsv => {
                for s in &c.spellings {
                    let sources: Vec<String> = s
                        .sources
                        .iter()
                        .map(|(k, v)| format!("{}={v}", cell(k)))
                        .collect();
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        n + 1,
                        cell(&c.canonical),
                        place.map_or(String::new(), |p| cell(&p.id)),
                        cell(&s.text),
                        s.count,
                        sources.join(",")
                    )?;
                }
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn tag(args: TagArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load(&args.gazetteer)?;
    let options = tag_options(&args.gazetteer);
    let sources = Source::from_args(&args.files);
    let mut out = Output::create(args.output.as_deref())?;
    let convention = args.rewrite.map(Convention::from);
    let tagger = gazetteer.tagger(&options);
    for source in &sources {
        let name = source.name();
        let mut line_no = 0u64;
        input::for_each_line(
            std::slice::from_ref(source),
            args.gazetteer.lossy,
            |line| {
                line_no += 1;
                if let Some(convention) = convention {
                    let text = tagger.rewrite(line, convention);
                    out.write_all(text.as_bytes())?;
                    out.write_all(b"\n")?;
                    return Ok(());
                }
                for m in tagger.tag(line) {
                    let Some(place) = gazetteer.place(m.place) else {
                        continue;
                    };
                    let value = serde_json::json!({
                        "source": name,
                        "line": line_no,
                        "start": m.span.start,
                        "end": m.span.end,
                        "surface": m.surface(line),
                        "id": place.id,
                        "name_en": place.name_en,
                        "name_ar": place.name_ar,
                    });
                    serde_json::to_writer(&mut out, &value)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            },
        )?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn termbase(args: TermbaseArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load(&args.gazetteer)?;
    let options = tag_options(&args.gazetteer);
    let entries: Vec<TermEntry<'_>> = if args.all {
        gazetteer
            .places()
            .iter()
            .filter(|p| {
                options
                    .country
                    .as_ref()
                    .is_none_or(|cc| p.country.eq_ignore_ascii_case(cc))
            })
            .map(TermEntry::new)
            .collect()
    } else {
        // Places in order of first mention, with the spellings seen.
        let mut seen: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
        let mut order = 0usize;
        let sources = Source::from_args(&args.files);
        let tagger = gazetteer.tagger(&options);
        input::for_each_line(&sources, args.gazetteer.lossy, |line| {
            for m in tagger.tag(line) {
                let entry = seen.entry(m.place).or_insert_with(|| {
                    order += 1;
                    (order, Vec::new())
                });
                let surface = m.surface(line).to_owned();
                if !entry.1.contains(&surface) {
                    entry.1.push(surface);
                }
            }
            Ok(())
        })?;
        let mut list: Vec<(usize, usize, Vec<String>)> =
            seen.into_iter().map(|(p, (o, s))| (o, p, s)).collect();
        list.sort();
        list.into_iter()
            .filter_map(|(_, p, s)| {
                let mut e = TermEntry::new(gazetteer.place(p)?);
                e.seen = s;
                Some(e)
            })
            .collect()
    };
    let format = match args.format {
        FormatArg::Tbx => TermbaseFormat::Tbx,
        FormatArg::Csv => TermbaseFormat::Csv,
    };
    let text = tarjama_places::write_termbase(&entries, format);
    let mut out = Output::create(args.output.as_deref())?;
    out.write_all(text.as_bytes()).context("writing the termbase")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
