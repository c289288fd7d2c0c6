//! `tarjama translit`: romanize (or, for the Buckwalter schemes,
//! de-romanize) each input line.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use tarjama_translit::romanize::{self, Scheme};

use crate::input::{self, LineIo};
use crate::output::Output;

/// Romanize each line of the input (files, or standard input).
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The romanization scheme.
    #[arg(long, value_enum)]
    scheme: SchemeArg,
    /// Turn romanized text back into Arabic script (Buckwalter schemes
    /// only).
    #[arg(long)]
    reverse: bool,
    #[command(flatten)]
    io: LineIo,
}

/// The values of `--scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SchemeArg {
    /// Tim Buckwalter's reversible ASCII transliteration.
    Buckwalter,
    /// Buckwalter without regular-expression metacharacters.
    SafeBuckwalter,
    /// Buckwalter without XML metacharacters.
    XmlBuckwalter,
    /// Readable ALA-LC-like romanization with diacritics.
    AlaLc,
    /// The readable scheme in plain ASCII.
    Ascii,
}

impl From<SchemeArg> for Scheme {
    fn from(arg: SchemeArg) -> Scheme {
        match arg {
            SchemeArg::Buckwalter => Scheme::Buckwalter,
            SchemeArg::SafeBuckwalter => Scheme::SafeBuckwalter,
            SchemeArg::XmlBuckwalter => Scheme::XmlBuckwalter,
            SchemeArg::AlaLc => Scheme::AlaLc,
            SchemeArg::Ascii => Scheme::Ascii,
        }
    }
}

/// Runs `tarjama translit`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let scheme = Scheme::from(args.scheme);
    if args.reverse && !scheme.is_reversible() {
        eprintln!(
            "tarjama translit: --reverse works with the Buckwalter schemes, \
             not {scheme}"
        );
        return Ok(ExitCode::from(2));
    }
    let sources = args.io.sources();
    let mut out = Output::create(args.io.output.as_deref())?;
    let mut buf = String::new();
    // Line numbers for de-romanization errors, per source.
    for source in &sources {
        let mut line_no = 0u64;
        input::for_each_line(
            std::slice::from_ref(source),
            args.io.lossy,
            |line| {
                line_no += 1;
                buf.clear();
                if args.reverse {
                    let arabic =
                        romanize::deromanize(line, scheme).map_err(|err| {
                            input::bad_input(
                                &source.name(),
                                line_no,
                                &err.to_string(),
                            )
                        })?;
                    buf.push_str(&arabic);
                } else {
                    romanize::romanize_into(line, scheme, &mut buf);
                }
                buf.push('\n');
                out.write_all(buf.as_bytes())?;
                Ok(())
            },
        )?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
