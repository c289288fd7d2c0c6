//! Runs the segmenter on every document of the sample corpus and compares
//! its sentences with the gold sentence files (`corpus/samples/gold`).

use std::fs;
use std::path::{Path, PathBuf};

use tarjama_segment::{BlockKind, Document, Lang};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/samples")
}

/// `(name, lang, document path, gold path)` for every document with gold.
fn documents() -> Vec<(String, String, PathBuf, PathBuf)> {
    let dir = samples_dir();
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(&dir) else { return out };
    for entry in entries {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = file.strip_suffix(".txt") else { continue };
        let Some((name, lang)) = stem.rsplit_once('.') else { continue };
        let gold = dir.join("gold").join(format!("{name}.{lang}.sents"));
        out.push((name.to_string(), lang.to_string(), path, gold));
    }
    out.sort();
    out
}

#[test]
fn sentences_match_the_gold_files() {
    let docs = documents();
    if !samples_dir().exists() {
        eprintln!("corpus/samples absent: skipping");
        return;
    }
    assert!(!docs.is_empty(), "no documents in corpus/samples");
    let mut failures = Vec::new();
    let mut n_sentences = 0;
    for (name, lang, path, gold_path) in &docs {
        let text = fs::read_to_string(path).unwrap();
        let gold_text = fs::read_to_string(gold_path)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let gold: Vec<&str> = gold_text.lines().collect();
        let doc = Document::parse(&text, Lang::from_code(lang));
        let got: Vec<&str> =
            doc.sentences().map(|s| s.text.as_str()).collect();
        n_sentences += got.len();
        if got != gold {
            let first = got
                .iter()
                .zip(&gold)
                .position(|(g, w)| g != w)
                .unwrap_or(got.len().min(gold.len()));
            failures.push(format!(
                "{name}.{lang}: {} sentences, gold {}; first difference at \
                 {first}:\n  got:  {:?}\n  gold: {:?}",
                got.len(),
                gold.len(),
                got.get(first),
                gold.get(first)
            ));
        }
        // Spans point at the text, indices are 0..n in order.
        for (i, sentence) in doc.sentences().enumerate() {
            assert_eq!(sentence.index, i);
            assert_eq!(&text[sentence.span.clone()], sentence.text);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(n_sentences > 0);
}

#[test]
fn every_sample_has_a_title_questions_and_answers() {
    for (name, lang, path, _) in documents() {
        let text = fs::read_to_string(&path).unwrap();
        let doc = Document::parse(&text, Lang::from_code(&lang));
        let count =
            |kind| doc.blocks.iter().filter(|b| b.kind == kind).count();
        assert_eq!(count(BlockKind::Title), 1, "{name}.{lang}");
        assert!(count(BlockKind::Question) >= 3, "{name}.{lang}");
        assert!(count(BlockKind::Answer) >= count(BlockKind::Question));
        assert!(count(BlockKind::Boilerplate) >= 1, "{name}.{lang}");
        assert!(
            doc.diagnostics.is_empty(),
            "{name}.{lang}: {:?}",
            doc.diagnostics
        );
    }
}
