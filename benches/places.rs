//! Criterion benchmarks of tarjama-places: resolve throughput (names/s),
//! tagging throughput (MB/s of prose), and gazetteer loading (the built-in
//! TSV, and a GeoNames dump when one is given).
//!
//! Inputs: the real-world spellings of
//! `crates/places/tests/fixtures/spellings.tsv`, the sample interviews of
//! `corpus/samples/` (Arabic and English prose), and the dump named by
//! `TARJAMA_GEONAMES_DUMP` (default `/tmp/SY-synth.txt`, written by
//! `scripts/gazetteer/synth_geonames.py`; skipped if absent).
//! Every bench checks its result first, so `cargo test --benches` fails on
//! wrong answers.

use std::hint::black_box;
use std::path::Path;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use tarjama_places::{
    Gazetteer, GeoNamesOptions, ResolveOptions, TagOptions, parse_geonames,
};

fn spellings() -> Vec<(String, String)> {
    include_str!("../crates/places/tests/fixtures/spellings.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .filter_map(|l| {
            let (s, id) = l.split_once('\t')?;
            Some((s.to_owned(), id.to_owned()))
        })
        .collect()
}

fn prose(lang: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(&format!(".{lang}.txt")))
        .collect();
    names.sort();
    let mut text = String::new();
    for p in names {
        text.push_str(&std::fs::read_to_string(p).expect("sample"));
        text.push('\n');
    }
    text
}

fn bench_resolve(c: &mut Criterion) {
    let g = Gazetteer::builtin().expect("builtin gazetteer");
    let options = ResolveOptions::default();
    let cases = spellings();
    let names: Vec<&str> = cases.iter().map(|(s, _)| s.as_str()).collect();
    let correct = cases
        .iter()
        .filter(|(s, id)| {
            g.resolve(s, &options)
                .best()
                .and_then(|b| g.place(b.place))
                .is_some_and(|p| p.id == *id)
        })
        .count();
    assert!(correct * 100 >= cases.len() * 98, "{correct}/{}", cases.len());
    let misses: Vec<String> =
        (0..200).map(|i| format!("Qwx{}zt Vbn{}m", i % 17, i % 13)).collect();
    assert!(misses.iter().all(|m| g.resolve(m, &options).method.is_none()));
    let misses: Vec<&str> = misses.iter().map(String::as_str).collect();
    let mut group = c.benchmark_group("resolve");
    for (label, set) in
        [("real-world spellings", &names), ("unresolvable names", &misses)]
    {
        group.throughput(Throughput::Elements(set.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for name in set {
                    found +=
                        g.resolve(black_box(name), &options).candidates.len();
                }
                found
            })
        });
    }
    group.finish();
}

fn bench_tag(c: &mut Criterion) {
    let g = Gazetteer::builtin().expect("builtin gazetteer");
    let options = TagOptions::default();
    let mut group = c.benchmark_group("tag");
    for lang in ["ar", "en"] {
        let text = prose(lang);
        let mentions = g.tag(&text, &options);
        assert!(mentions.len() >= 20, "{lang}: {} mentions", mentions.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        // The floor: keying every word, which tagging must do anyway.
        group.bench_with_input(
            BenchmarkId::new("word keys only", lang),
            &text,
            |b, t| {
                b.iter(|| {
                    let mut n = 0usize;
                    tarjama_translit::keys::for_each_word_key(
                        black_box(t),
                        tarjama_translit::keys::Level::Strict,
                        |_, k| n += k.len(),
                    );
                    n
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("prose", lang),
            &text,
            |b, t| b.iter(|| g.tag(black_box(t), &options).len()),
        );
    }
    group.finish();
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("builtin", |b| {
        b.iter(|| Gazetteer::builtin().expect("builtin").len())
    });
    let path = std::env::var("TARJAMA_GEONAMES_DUMP")
        .unwrap_or_else(|_| "/tmp/SY-synth.txt".to_owned());
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let options = GeoNamesOptions::default();
            let places = parse_geonames(&text, &path, &options).expect("dump");
            assert!(!places.is_empty());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function("geonames dump", |b| {
                b.iter(|| {
                    let places =
                        parse_geonames(black_box(&text), &path, &options)
                            .expect("dump");
                    Gazetteer::from_places(places).len()
                })
            });
        }
        Err(err) => {
            eprintln!("skipping the GeoNames load bench: {path}: {err}")
        }
    }
    group.finish();
}

criterion_group!(benches, bench_resolve, bench_tag, bench_load);
criterion_main!(benches);
