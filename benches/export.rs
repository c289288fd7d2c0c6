//! Write and read throughput of every format over 10,000 pairs built from
//! the CLI test fixture (Arabic-English interview lines with the messy
//! characters real files have). Each bench asserts that reading gives back
//! every pair, so `cargo test --benches` catches a broken format.

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use tarjama_export::{
    CsvReader, CsvWriter, ExportError, FormatOptions, JsonlReader,
    JsonlWriter, MosesReader, MosesWriter, PairWriter, TmxReader, TmxWriter,
    TsvReader, TsvWriter, XliffReader, XliffWriter,
};
use tarjama_record::PairRecordV1;

const FIXTURE: &str = include_str!("../tests/fixtures/export/pairs.jsonl");
const N_PAIRS: usize = 10_000;

fn pairs() -> Vec<PairRecordV1> {
    let base: Vec<PairRecordV1> = FIXTURE
        .lines()
        .map(|line| {
            PairRecordV1::from_json_line(line).expect("fixture record")
        })
        .collect();
    (0..N_PAIRS)
        .map(|n| {
            let mut pair = base[n % base.len()].clone();
            for side in pair.translation.values_mut() {
                side.push_str(&format!(" {n}"));
            }
            pair.block = n as u32;
            pair
        })
        .collect()
}

fn write(format: &str, pairs: &[PairRecordV1]) -> (Vec<u8>, Vec<u8>) {
    let options = FormatOptions::default();
    let (mut out, mut second) = (Vec::new(), Vec::new());
    {
        let mut writer: Box<dyn PairWriter + '_> = match format {
            "jsonl" => Box::new(JsonlWriter::new(&mut out)),
            "tsv" => Box::new(TsvWriter::new(&mut out, &options).unwrap()),
            "csv" => Box::new(CsvWriter::new(&mut out, &options).unwrap()),
            "tmx" => Box::new(TmxWriter::new(&mut out, &options).unwrap()),
            "xliff" => Box::new(XliffWriter::new(&mut out, &options).unwrap()),
            _ => Box::new(MosesWriter::new(&mut out, &mut second, &options)),
        };
        for pair in pairs {
            writer.write_pair(pair).unwrap();
        }
        writer.finish().unwrap();
    }
    (out, second)
}

fn read(format: &str, bytes: &(Vec<u8>, Vec<u8>)) -> usize {
    let options = FormatOptions::default();
    let (first, second) = (bytes.0.as_slice(), bytes.1.as_slice());
    let count = |it: &mut dyn Iterator<
        Item = Result<PairRecordV1, ExportError>,
    >| { it.filter(Result::is_ok).count() };
    match format {
        "jsonl" => count(&mut JsonlReader::new(first)),
        "tsv" => count(&mut TsvReader::new(first, &options)),
        "csv" => count(&mut CsvReader::new(first, &options)),
        "tmx" => count(&mut TmxReader::new(first, &options)),
        "xliff" => count(&mut XliffReader::new(first, &options)),
        _ => count(&mut MosesReader::new(first, second, &options)),
    }
}

fn bench_formats(c: &mut Criterion) {
    let pairs = pairs();
    let mut group = c.benchmark_group("export");
    group.throughput(Throughput::Elements(N_PAIRS as u64));
    for format in ["jsonl", "tsv", "csv", "moses", "tmx", "xliff"] {
        let bytes = write(format, &pairs);
        assert_eq!(read(format, &bytes), N_PAIRS, "{format}");
        group.bench_with_input(
            BenchmarkId::new("write", format),
            &pairs,
            |b, pairs| b.iter(|| write(format, pairs)),
        );
        group.bench_with_input(
            BenchmarkId::new("read", format),
            &bytes,
            |b, bytes| b.iter(|| read(format, bytes)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_formats);
criterion_main!(benches);
