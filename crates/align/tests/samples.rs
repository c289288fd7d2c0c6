//! Alignment quality on the sample interviews shipped in
//! `corpus/samples` (gold sentences and gold alignments), full mode
//! against the length-only baseline.

use std::path::{Path, PathBuf};

use tarjama_align::eval::parse_vecalign;
use tarjama_align::{AlignOptions, Aligner, Evaluation, Scores, Sentence};
use tarjama_segment::{Document, Lang};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/samples")
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(samples().join("gold"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_str()?.to_string();
                    name.strip_suffix(".align").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(samples().join(rel)).unwrap()
}

fn evaluate(options: AlignOptions) -> Scores {
    let aligner = Aligner::new(options);
    let mut evaluation = Evaluation::new();
    for name in names() {
        let ar_text = read(&format!("{name}.ar.txt"));
        let en_text = read(&format!("{name}.en.txt"));
        let ar_gold = read(&format!("gold/{name}.ar.sents"));
        let en_gold = read(&format!("gold/{name}.en.sents"));
        let ar_lines: Vec<&str> = ar_gold.lines().collect();
        let en_lines: Vec<&str> = en_gold.lines().collect();
        let gold =
            parse_vecalign(&read(&format!("gold/{name}.align"))).unwrap();
        let src = Sentence::place_in(
            &ar_text,
            &Document::parse(&ar_text, Lang::Ar),
            &ar_lines,
        );
        let tgt = Sentence::place_in(
            &en_text,
            &Document::parse(&en_text, Lang::En),
            &en_lines,
        );
        assert_eq!(src.len(), ar_lines.len());
        let (alignment, _) = aligner.align_structured(&src, &tgt);
        // Every sentence is in exactly one link, in order.
        let flat_src: Vec<u32> =
            alignment.links.iter().flat_map(|l| l.src.clone()).collect();
        assert_eq!(flat_src, (0..src.len() as u32).collect::<Vec<_>>());
        evaluation.add(&gold, &alignment.index_links());
    }
    evaluation.scores()
}

#[test]
fn samples_meet_the_goal_and_beat_length_only() {
    if names().len() < 2 {
        eprintln!("skipped: fewer than two gold samples");
        return;
    }
    let full = evaluate(AlignOptions::default());
    let mut options = AlignOptions::default();
    options.length_only = true;
    let baseline = evaluate(options);
    eprintln!("tarjama {full:?}\nlength-only {baseline:?}");
    assert!(full.f1_strict >= 0.95, "{full:?}");
    assert!(full.f1_lax >= 0.97, "{full:?}");
    assert!(full.f1_strict >= baseline.f1_strict + 0.05, "{baseline:?}");
}
