//! `tarjama normalize`: normalize each input line (Arabic script profiles,
//! or Latin folding).

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use tarjama_translit::normalize::{Normalizer, Profile};

use crate::input::{self, Source};
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
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Write here instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Input files; standard input when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
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
    let sources = Source::from_args(&args.files);
    let script = args.script.unwrap_or(match args.profile {
        Some(_) => Script::Arabic,
        None => Script::Auto,
    });
    let profile = args.profile.map_or(Profile::Search, Profile::from);
    let normalizer = profile.normalizer();
    let mut out = Output::create(args.output.as_deref())?;
    input::for_each_line(&sources, args.lossy, |line| {
        let text = normalize_line(normalizer, script, line);
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Normalizes one line as `script` says.
pub fn normalize_line<'a>(
    normalizer: &Normalizer,
    script: Script,
    line: &'a str,
) -> Cow<'a, str> {
    let latin = match script {
        Script::Arabic => false,
        Script::Latin => true,
        Script::Auto => !is_mostly_arabic(line),
    };
    if latin {
        Cow::Owned(tarjama_translit::latin::fold(line))
    } else {
        normalizer.normalize(line)
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
