//! Streams pairs from one format to another with the library alone (no
//! CLI, no filters): the tool behind `docs/benchmarks.md`.
//!
//! ```text
//! cargo run --release -p tarjama-export --features parquet --example convert -- \
//!     jsonl /tmp/pairs-1m.jsonl tmx /tmp/pairs-1m.tmx
//! cargo run --release -p tarjama-export --example convert -- tmx /tmp/pairs-1m.tmx count
//! ```
//!
//! Moses paths are prefixes (`/tmp/pairs` for `/tmp/pairs.ar` and
//! `/tmp/pairs.en`). `count` as the output format reads and counts only.
//! A last argument `filter` runs the default filters and prints the
//! report instead of the count.

use std::fs::File;
use std::io::{BufReader, BufWriter};

use tarjama_export::{
    ExportError, Filter, FilterOptions, Format, FormatOptions, MosesReader,
    MosesWriter, PairWriter, Report,
};
use tarjama_record::PairRecordV1;

type Pairs = Box<dyn Iterator<Item = Result<PairRecordV1, ExportError>>>;

fn open(path: &str) -> Result<BufReader<File>, std::io::Error> {
    Ok(BufReader::with_capacity(1 << 16, File::open(path)?))
}

fn create(path: &str) -> Result<BufWriter<File>, std::io::Error> {
    Ok(BufWriter::with_capacity(1 << 16, File::create(path)?))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, input, to, rest @ ..] = args.as_slice() else {
        return Err("usage: convert FROM INPUT TO [OUTPUT]".into());
    };
    let options = FormatOptions::default();
    let from = Format::parse(from).ok_or("unknown input format")?;
    let pairs: Pairs = match from {
        Format::Moses => Box::new(MosesReader::new(
            open(&format!("{input}.ar"))?,
            open(&format!("{input}.en"))?,
            &options,
        )),
        #[cfg(feature = "parquet")]
        Format::Parquet => Box::new(tarjama_export::ParquetReader::new(
            File::open(input)?,
            &options,
        )?),
        format => tarjama_export::reader(format, open(input)?, &options)?,
    };
    if to == "count" {
        let mut n = 0u64;
        for pair in pairs {
            pair?;
            n += 1;
        }
        println!("{n} pairs");
        return Ok(());
    }
    let output = rest.first().ok_or("missing OUTPUT")?;
    let to = Format::parse(to).ok_or("unknown output format")?;
    let mut writer: Box<dyn PairWriter> = match to {
        Format::Moses => Box::new(MosesWriter::new(
            create(&format!("{output}.ar"))?,
            create(&format!("{output}.en"))?,
            &options,
        )),
        #[cfg(feature = "parquet")]
        Format::Parquet => Box::new(tarjama_export::ParquetWriter::new(
            create(output)?,
            &options,
        )?),
        format => tarjama_export::writer(format, create(output)?, &options)?,
    };
    let mut filter = (rest.get(1).map(String::as_str) == Some("filter"))
        .then(|| Filter::new(FilterOptions::default()));
    let mut report = Report::new();
    for pair in pairs {
        let pair = pair?;
        let verdict = filter.as_mut().and_then(|f| f.check(&pair));
        report.count(verdict);
        if verdict.is_none() {
            writer.write_pair(&pair)?;
        }
    }
    writer.finish()?;
    if filter.is_some() {
        println!("{}", report.to_json());
    } else {
        println!("{} pairs", report.pairs_in);
    }
    Ok(())
}
