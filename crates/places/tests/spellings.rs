//! Resolution quality on real-world spellings (tests/fixtures/spellings.tsv)
//! against the built-in gazetteer: accuracy floor and no merged places.

use std::collections::{BTreeMap, BTreeSet};

use tarjama_places::{Gazetteer, ResolveOptions};

/// The fraction of spellings that must resolve to the expected place.
/// Measured: see docs/benchmarks.md.
const ACCURACY_FLOOR: f64 = 0.99;

fn cases() -> Vec<(String, String)> {
    let text = include_str!("fixtures/spellings.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|l| {
            let (s, id) = l.split_once('\t').expect("two columns");
            (s.to_owned(), id.to_owned())
        })
        .collect()
}

#[test]
fn spellings_resolve_to_the_expected_place() {
    let gazetteer = Gazetteer::builtin().unwrap();
    let options = ResolveOptions::default();
    let cases = cases();
    assert!(cases.len() >= 250, "{} cases", cases.len());
    let mut ok = 0;
    let mut misses = Vec::new();
    // predicted id -> expected ids whose spellings went there
    let mut merged: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (spelling, expected) in &cases {
        assert!(gazetteer.get(expected).is_some(), "unknown id {expected}");
        let r = gazetteer.resolve(spelling, &options);
        let got = r
            .best()
            .and_then(|c| gazetteer.place(c.place))
            .map(|p| p.id.clone())
            .unwrap_or_default();
        if got == *expected {
            ok += 1;
        } else {
            misses.push(format!(
                "{spelling} -> {got:?} ({:?}), expected {expected}",
                r.method
            ));
        }
        if !got.is_empty() {
            merged.entry(got).or_default().insert(expected.clone());
        }
    }
    let accuracy = ok as f64 / cases.len() as f64;
    eprintln!("accuracy {ok}/{} = {accuracy:.4}", cases.len());
    for m in &misses {
        eprintln!("miss: {m}");
    }
    assert!(accuracy >= ACCURACY_FLOOR, "accuracy {accuracy:.4}");
    let places: BTreeSet<&String> = cases.iter().map(|(_, id)| id).collect();
    assert!(places.len() >= 60, "{} places", places.len());
    // Merges among the places of the fixture: one predicted place
    // collecting spellings of two expected ones.
    let merges: Vec<_> = merged.iter().filter(|(_, e)| e.len() > 1).collect();
    eprintln!("merges: {merges:?}");
    assert!(merges.len() <= 1, "{merges:?}");
}
