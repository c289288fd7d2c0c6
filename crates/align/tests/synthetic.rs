//! Scale and quality tests on perturbed documents built from the shared
//! NTREX-128 pairs (`../shared/data`, beside the repository; never copied
//! into it). When the data is absent, the tests say so and pass.

use std::path::PathBuf;
use std::time::Instant;

use tarjama_align::synth::{Perturbation, SplitMix64, perturb};
use tarjama_align::{AlignOptions, Aligner, Evaluation, Scores};

fn data_file(rel: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let path = root.join("shared/data").join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

type Doc = (String, Vec<(String, String)>);

/// NTREX pairs grouped into documents by the third column.
fn ntrex_docs(limit: usize) -> Option<Vec<Doc>> {
    let text = std::fs::read_to_string(data_file("ntrex/ar-en.tsv")?).ok()?;
    let mut docs: Vec<Doc> = Vec::new();
    for line in text.lines().take(limit) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [ar, en, doc] = cols[..] else { continue };
        match docs.last_mut() {
            Some((name, pairs)) if name == doc => {
                pairs.push((ar.to_string(), en.to_string()))
            }
            _ => docs.push((
                doc.to_string(),
                vec![(ar.to_string(), en.to_string())],
            )),
        }
    }
    Some(docs)
}

fn run(docs: &[Doc], rates: &Perturbation, options: AlignOptions) -> Scores {
    let aligner = Aligner::new(options);
    let mut rng = SplitMix64::new(1);
    let mut evaluation = Evaluation::new();
    for (_, pairs) in docs {
        let doc = perturb(pairs, rates, &mut rng);
        let (alignment, _) = aligner.align_sentences(&doc.src, &doc.tgt);
        evaluation.add(&doc.gold, &alignment.index_links());
    }
    evaluation.scores()
}

fn quiet() -> AlignOptions {
    let mut options = AlignOptions::default();
    options.check_lang = false;
    options
}

#[test]
fn ntrex_standard_perturbation() {
    let Some(docs) = ntrex_docs(1005) else { return };
    assert_eq!(docs.len(), 63);
    let full = run(&docs, &Perturbation::STANDARD, quiet());
    let mut length_only = quiet();
    length_only.length_only = true;
    let baseline = run(&docs, &Perturbation::STANDARD, length_only);
    eprintln!("tarjama {full:?}\nlength-only {baseline:?}");
    assert!(full.f1_strict >= 0.95, "{full:?}");
    assert!(full.f1_lax >= 0.97, "{full:?}");
    assert!(full.f1_strict > baseline.f1_strict, "{baseline:?}");
}

#[test]
fn ntrex_heavy_perturbation() {
    let Some(docs) = ntrex_docs(1005) else { return };
    let scores = run(&docs, &Perturbation::HEAVY, quiet());
    eprintln!("{scores:?}");
    assert!(scores.f1_strict >= 0.88, "{scores:?}");
    assert!(scores.f1_lax >= 0.93, "{scores:?}");
}

/// One long document of `n` pairs (NTREX repeated), perturbed with the
/// standard rates; returns scores and seconds.
fn scale(n: usize) -> Option<(Scores, f64)> {
    let docs = ntrex_docs(usize::MAX)?;
    let pairs: Vec<(String, String)> = docs
        .iter()
        .flat_map(|(_, p)| p.iter().cloned())
        .cycle()
        .take(n)
        .collect();
    let doc = perturb(
        &pairs,
        &Perturbation::STANDARD,
        &mut SplitMix64::new(n as u64),
    );
    let aligner = Aligner::new(quiet());
    let start = Instant::now();
    let (alignment, diagnostics) = aligner.align_sentences(&doc.src, &doc.tgt);
    let seconds = start.elapsed().as_secs_f64();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut evaluation = Evaluation::new();
    evaluation.add(&doc.gold, &alignment.index_links());
    Some((evaluation.scores(), seconds))
}

#[test]
fn scale_1k_holds_quality() {
    let Some((scores, _)) = scale(1_000) else { return };
    assert!(scores.f1_strict >= 0.93, "{scores:?}");
}

/// Run with `cargo test --release -p tarjama-align --test synthetic --
/// --ignored`: 10k and 100k sentences, quality holds and time grows
/// about linearly.
#[test]
#[ignore = "slow in debug builds; run with --release"]
fn scale_10k_100k_linear() {
    let Some((s10, t10)) = scale(10_000) else { return };
    let Some((s100, t100)) = scale(100_000) else { return };
    eprintln!("10k: {t10:.2}s {s10:?}\n100k: {t100:.2}s {s100:?}");
    assert!(s10.f1_strict >= 0.93 && s100.f1_strict >= 0.93);
    assert!(t100 / t10 < 20.0, "10k {t10:.2}s, 100k {t100:.2}s");
}
