//! `tarjama key`: one match key per input line.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use tarjama_translit::keys::{self, Level};

use crate::input::{self, LineIo};
use crate::output::Output;

/// Print the match key of each line (files, or standard input): one key
/// per line, in order, an empty line for an empty line.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// `strict` folds spelling details and keeps vowels; `loose` is the
    /// cross-script consonant skeleton on which Arabic and Latin spellings
    /// meet.
    #[arg(long, value_enum, default_value_t = LevelArg::Loose)]
    level: LevelArg,
    #[command(flatten)]
    io: LineIo,
}

/// The values of `--level`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LevelArg {
    /// Case, marks, ayn/hamza signs, separators, doubled letters and the
    /// article folded; vowels kept.
    Strict,
    /// Consonant skeleton, the same for Arabic and Latin spellings.
    Loose,
}

/// Runs `tarjama key`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let level = match args.level {
        LevelArg::Strict => Level::Strict,
        LevelArg::Loose => Level::Loose,
    };
    let sources = args.io.sources();
    let mut out = Output::create(args.io.output.as_deref())?;
    let mut key = String::new();
    input::for_each_line(&sources, args.io.lossy, |line| {
        keys::key_into(line, level, &mut key);
        out.write_all(key.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
