//! Throughput of Arabic normalization and romanization over the texts in
//! `benches/texts/` (see its README). Each bench first checks its result,
//! so `cargo test --benches` catches a benchmark that computes the wrong
//! thing.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use tarjama_translit::normalize::{Profile, normalize};
use tarjama_translit::romanize::{Scheme, romanize_into};

const TEXTS: [(&str, &str); 4] = [
    ("ar_news", include_str!("texts/ar_news.txt")),
    ("ar_vowelled", include_str!("texts/ar_vowelled.txt")),
    ("latin_names", include_str!("texts/latin_names.txt")),
    ("mixed", include_str!("texts/mixed.txt")),
];

/// Normalizes every line; returns the output bytes and how many lines
/// came back borrowed.
fn normalize_lines(text: &str, profile: Profile) -> (usize, usize) {
    let mut bytes = 0;
    let mut borrowed = 0;
    for line in text.lines() {
        let out = normalize(line, profile);
        bytes += out.len();
        borrowed += usize::from(matches!(out, Cow::Borrowed(_)));
    }
    (bytes, borrowed)
}

fn normalized_text(text: &str, profile: Profile) -> String {
    text.lines().map(|l| normalize(l, profile) + "\n").collect()
}

/// Checks the results the benches time.
fn check() {
    let news = TEXTS[0].1;
    let search = normalized_text(news, Profile::Search);
    // Search normalization removes alef forms, teh marbuta, alef
    // maksura, Arabic-Indic digits and the Arabic comma.
    assert!(!search.contains(['أ', 'إ', 'آ', 'ة', 'ى', '،', '٢']));
    assert!(search.contains("مديريه المياه في محافظه دير الزور, يوم الاحد"));
    // Already normalized text comes back borrowed, line by line.
    let n_lines = search.lines().count();
    assert_eq!(normalize_lines(&search, Profile::Search).1, n_lines);
    let vowelled = normalized_text(TEXTS[1].1, Profile::Search);
    assert!(vowelled.starts_with("اعلنت مديريه المياه في محافظه دير الزور"));
    let camel = normalized_text(TEXTS[1].1, Profile::Camel);
    assert!(camel.contains("دير الزور"));
    // Display changes nothing in clean prose.
    assert_eq!(
        normalize_lines(news, Profile::Display).1,
        news.lines().count()
    );
    let mut roman = String::new();
    romanize_into("الشَّمْس", Scheme::AlaLc, &mut roman);
    assert_eq!(roman, "ash-shams");
}

fn bench_normalize(c: &mut Criterion) {
    check();
    for profile in Profile::ALL {
        let mut group = c.benchmark_group(format!("normalize/{profile}"));
        for (name, text) in TEXTS {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(name),
                text,
                |b, t| b.iter(|| normalize_lines(black_box(t), profile)),
            );
        }
        group.finish();
    }
    let mut group = c.benchmark_group("normalize/search-already-normalized");
    for (name, text) in TEXTS {
        let done = normalized_text(text, Profile::Search);
        group.throughput(Throughput::Bytes(done.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &done,
            |b, t| b.iter(|| normalize_lines(black_box(t), Profile::Search)),
        );
    }
    group.finish();
}

fn bench_romanize(c: &mut Criterion) {
    let mut group = c.benchmark_group("romanize");
    let (_, text) = TEXTS[1];
    group.throughput(Throughput::Bytes(text.len() as u64));
    for scheme in [Scheme::Buckwalter, Scheme::AlaLc] {
        group.bench_with_input(
            BenchmarkId::new(scheme.name(), "ar_vowelled"),
            text,
            |b, t| {
                let mut out = String::with_capacity(t.len() * 2);
                b.iter(|| {
                    out.clear();
                    for line in black_box(t).lines() {
                        romanize_into(line, scheme, &mut out);
                    }
                    out.len()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_normalize, bench_romanize);
criterion_main!(benches);
