//! Runs the segmenter over the sample documents of one language many
//! times, for CPU-time measurements that a loaded machine does not skew:
//! `perf stat -e task-clock target/release/examples/throughput parse en
//! corpus/samples 2000` (bytes processed are printed; divide by the task
//! clock).

use std::hint::black_box;

use tarjama_segment::{Document, Lang, split_sentences};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(lang), Some(dir), Some(rounds)) =
        (args.get(1), args.get(2), args.get(3), args.get(4))
    else {
        return Err("usage: throughput parse|split LANG DIR ROUNDS".into());
    };
    let rounds: usize = rounds.parse()?;
    let suffix = format!(".{lang}.txt");
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(&suffix))
        .collect();
    paths.sort();
    let docs: Vec<String> =
        paths.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let joined = docs.join("\n");
    let lang = Lang::from_code(lang);
    let mut n_sentences = 0;
    for _ in 0..rounds {
        n_sentences += match mode.as_str() {
            "parse" => docs
                .iter()
                .map(|doc| {
                    Document::parse(black_box(doc), lang).sentence_count()
                })
                .sum::<usize>(),
            "split" => split_sentences(black_box(&joined), lang).len(),
            _ => return Err(format!("unknown mode {mode:?}").into()),
        };
    }
    let n_bytes = match mode.as_str() {
        "split" => joined.len(),
        _ => docs.iter().map(String::len).sum(),
    };
    println!(
        "{} bytes, {} sentences per round, {rounds} rounds, {} bytes in all",
        n_bytes,
        n_sentences / rounds.max(1),
        n_bytes * rounds
    );
    Ok(())
}
