//! The `tarjama` command-line tool: glue between the tarjama library
//! crates, files and standard streams. No corpus logic lives here.
//!
//! Each subcommand lives in its own module with an `Args` struct (clap)
//! and a `run(args) -> anyhow::Result<ExitCode>` function.

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod align;
mod export;
mod input;
mod key;
mod normalize;
mod output;
mod pipeline;
mod places;
mod segment;
mod translit;

/// Build parallel corpora and translation memories from bilingual
/// documents.
#[derive(Debug, Parser)]
#[command(name = "tarjama", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the whole pipeline (segment, align, filter, export) over a
    /// directory of NAME.LANG.txt documents; defaults to the samples.
    Build(pipeline::Args),
    /// Align a document with its translation into pair records (JSONL).
    Align(align::Args),
    /// Convert pairs between TMX, Moses, TSV, CSV, JSONL, Parquet and
    /// XLIFF, with filters, a rejects file and a report.
    Export(export::Args),
    /// Place names: resolve, cluster, tag, termbase.
    Places(places::Args),
    /// Show a document's blocks and sentences as JSONL.
    Segment(segment::Args),
    /// Normalize each line (Arabic script profiles or Latin folding).
    Normalize(normalize::Args),
    /// Romanize each line, or de-romanize with --reverse.
    Translit(translit::Args),
    /// Print the strict or loose match key of each line.
    Key(key::Args),
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => pipeline::run(args),
        Command::Align(args) => align::run(args),
        Command::Export(args) => export::run(args),
        Command::Places(args) => places::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Normalize(args) => normalize::run(args),
        Command::Translit(args) => translit::run(args),
        Command::Key(args) => key::run(args),
    }
}

fn main() -> ExitCode {
    // clap exits with 2 on usage errors, as the CLI contract wants.
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tarjama: {err:#}");
            // Bad input and failed I/O both exit 1; clap has already used
            // 2 for usage errors.
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
