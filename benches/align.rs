//! Alignment throughput on real text: the sample interviews of
//! `corpus/samples` (raw documents, segmented and aligned), and a long
//! perturbed document built from the shared NTREX-128 pairs when
//! `../shared/data` is present. Each bench checks its result first, so
//! `cargo test --benches` catches a benchmark that gives wrong answers.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tarjama_align::eval::parse_vecalign;
use tarjama_align::synth::{Perturbation, SplitMix64, perturb};
use tarjama_align::{AlignOptions, Aligner, Evaluation, Sentence};
use tarjama_segment::{Document, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn samples(c: &mut Criterion) {
    let dir = root().join("corpus/samples");
    let name = "water-deir-ez-zor";
    let ar = read(&dir.join(format!("{name}.ar.txt")));
    let en = read(&dir.join(format!("{name}.en.txt")));
    let aligner = Aligner::new(AlignOptions::default());
    // Check: on the gold sentences, the alignment matches the gold well.
    let gold = parse_vecalign(&read(&dir.join(format!("gold/{name}.align"))))
        .unwrap();
    let ar_sents = read(&dir.join(format!("gold/{name}.ar.sents")));
    let en_sents = read(&dir.join(format!("gold/{name}.en.sents")));
    let ar_lines: Vec<&str> = ar_sents.lines().collect();
    let en_lines: Vec<&str> = en_sents.lines().collect();
    let src =
        Sentence::place_in(&ar, &Document::parse(&ar, Lang::Ar), &ar_lines);
    let tgt =
        Sentence::place_in(&en, &Document::parse(&en, Lang::En), &en_lines);
    let (alignment, _) = aligner.align_structured(&src, &tgt);
    let mut evaluation = Evaluation::new();
    evaluation.add(&gold, &alignment.index_links());
    let scores = evaluation.scores();
    assert!(scores.f1_strict >= 0.9, "{scores:?}");

    let mut group = c.benchmark_group("align");
    group.throughput(Throughput::Elements(
        (ar_lines.len() + en_lines.len()) as u64 / 2,
    ));
    group.bench_function(format!("interview/{name}"), |b| {
        b.iter(|| aligner.align_texts(&ar, &en))
    });
    group.finish();
}

fn ntrex_long(c: &mut Criterion) {
    let path = root().join("../shared/data/ntrex/ar-en.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping ntrex bench: {} not found", path.display());
        return;
    };
    let pairs: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect();
    let doc =
        perturb(&pairs, &Perturbation::STANDARD, &mut SplitMix64::new(1));
    let mut options = AlignOptions::default();
    options.check_lang = false;
    let aligner = Aligner::new(options);
    let (alignment, _) = aligner.align_sentences(&doc.src, &doc.tgt);
    let mut evaluation = Evaluation::new();
    evaluation.add(&doc.gold, &alignment.index_links());
    let scores = evaluation.scores();
    assert!(scores.f1_strict >= 0.93, "{scores:?}");
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    group.throughput(Throughput::Elements(
        (doc.src.len() + doc.tgt.len()) as u64 / 2,
    ));
    group.bench_function("ntrex-2k-sentences", |b| {
        b.iter(|| aligner.align_sentences(&doc.src, &doc.tgt))
    });
    group.finish();
}

criterion_group!(benches, samples, ntrex_long);
criterion_main!(benches);
