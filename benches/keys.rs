//! Throughput of the match keys and the similarity over real spellings
//! of place names in Latin and Arabic script
//! (`crates/translit/tests/fixtures/spellings.tsv`, about 400 names).
//!
//! ```text
//! cargo bench --bench keys -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Each bench first checks its results (as `cargo test --benches` does),
//! so a fast but wrong key fails here.

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tarjama_translit::keys::{loose_key_into, strict_key_into};
use tarjama_translit::similarity::{THRESHOLD, similarity};

const SPELLINGS: &str =
    include_str!("../crates/translit/tests/fixtures/spellings.tsv");

/// The names of the fixture, by script.
fn names() -> (Vec<&'static str>, Vec<&'static str>) {
    let all: Vec<&str> = SPELLINGS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    all.into_iter().partition(|n| {
        !n.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    })
}

/// Checks the keys before timing them: every Deir ez-Zor spelling gets
/// one loose key, and the number of distinct keys is what it was when
/// this bench was written.
fn check(latin: &[&str], arabic: &[&str]) {
    let mut buf = String::new();
    let mut loose = BTreeSet::new();
    let mut strict = BTreeSet::new();
    for name in latin.iter().chain(arabic) {
        loose_key_into(name, &mut buf);
        loose.insert(buf.clone());
        strict_key_into(name, &mut buf);
        strict.insert(buf.clone());
    }
    assert_eq!(latin.len() + arabic.len(), 395);
    assert_eq!(loose.len(), EXPECTED_LOOSE_KEYS, "distinct loose keys");
    assert_eq!(strict.len(), EXPECTED_STRICT_KEYS, "distinct strict keys");
    for name in ["Deir ez-Zor", "Deir Ezzor", "دير الزور", "Dayr az Zawr"]
    {
        loose_key_into(name, &mut buf);
        assert_eq!(buf, "drzr", "{name}");
    }
    assert!(similarity("Daraa", "Darayya") < THRESHOLD);
    assert!(similarity("درعا", "Deraa") >= THRESHOLD);
}

const EXPECTED_LOOSE_KEYS: usize = 94;
const EXPECTED_STRICT_KEYS: usize = 289;

/// `strict_key_into` or `loose_key_into`.
type KeyInto = fn(&str, &mut String);

fn bench_keys(c: &mut Criterion) {
    let (latin, arabic) = names();
    check(&latin, &arabic);
    let sets = [("latin", &latin), ("arabic", &arabic)];
    let mut group = c.benchmark_group("keys");
    let keys: [(&str, KeyInto); 2] =
        [("strict", strict_key_into), ("loose", loose_key_into)];
    for (script, names) in sets {
        group.throughput(Throughput::Elements(names.len() as u64));
        for (level, key_into) in keys {
            group.bench_function(format!("{level}/{script}"), |b| {
                let mut buf = String::new();
                b.iter(|| {
                    let mut bytes = 0;
                    for name in names.iter() {
                        key_into(black_box(name), &mut buf);
                        bytes += buf.len();
                    }
                    bytes
                })
            });
        }
    }
    group.finish();

    // Similarity of each name with the next one (same place or not).
    let all: Vec<&str> = latin.iter().chain(arabic.iter()).copied().collect();
    let mut group = c.benchmark_group("similarity");
    group.throughput(Throughput::Elements(all.len() as u64 - 1));
    group.bench_function("pairs", |b| {
        b.iter(|| {
            let mut sum = 0.0;
            for pair in all.windows(2) {
                if let [x, y] = pair {
                    sum += similarity(black_box(x), black_box(y));
                }
            }
            sum
        })
    });
    group.finish();
}

criterion_group!(benches, bench_keys);
criterion_main!(benches);
