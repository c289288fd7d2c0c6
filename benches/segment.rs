//! Segmentation throughput over the sample corpus (`corpus/samples`):
//! the sentence splitter over all documents of a language concatenated,
//! and the full document parse over each document. Both check their
//! sentence counts against the gold files, so `cargo test --benches`
//! catches a benchmark that gives wrong answers.
//!
//! `cargo bench --bench segment -- --warm-up-time 1 --measurement-time 3`

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use tarjama_segment::{Document, Lang, split_sentences};

/// The documents of one language and the number of gold sentences.
fn corpus(lang: &str) -> (Vec<String>, usize) {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().ends_with(&format!(".{lang}.txt"))
            })
        })
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    let mut n_gold = 0;
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let stem = name.strip_suffix(".txt").unwrap();
        let gold = dir.join("gold").join(format!("{stem}.sents"));
        n_gold += fs::read_to_string(&gold).unwrap().lines().count();
        docs.push(fs::read_to_string(&path).unwrap());
    }
    assert!(!docs.is_empty(), "no .{lang}.txt documents in {}", dir.display());
    (docs, n_gold)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (code, lang) in [("ar", Lang::Ar), ("en", Lang::En)] {
        let (docs, n_gold) = corpus(code);
        let joined = docs.join("\n");
        let n_bytes: usize = docs.iter().map(String::len).sum();

        // The bare splitter also splits headlines at inner punctuation
        // (`… ولا تنتهي`), which the document parser keeps whole: at most
        // one extra sentence per document.
        let n_split = split_sentences(&joined, lang).len();
        assert!(
            (n_gold..=n_gold + docs.len()).contains(&n_split),
            "split_sentences sentence count ({code}): {n_split}, gold {n_gold}"
        );
        group.throughput(Throughput::Bytes(joined.len() as u64));
        group.bench_function(BenchmarkId::new("split_sentences", code), |b| {
            b.iter(|| split_sentences(black_box(&joined), lang).len())
        });

        let n_parsed: usize = docs
            .iter()
            .map(|doc| Document::parse(doc, lang).sentence_count())
            .sum();
        assert_eq!(
            n_parsed, n_gold,
            "Document::parse sentence count ({code})"
        );
        group.throughput(Throughput::Bytes(n_bytes as u64));
        group.bench_function(BenchmarkId::new("parse", code), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|doc| {
                        Document::parse(black_box(doc), lang).sentence_count()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
