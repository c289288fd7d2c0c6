//! Builds perturbed test documents from gold sentence pairs (the shared
//! NTREX-128 / FLORES-200 TSV files), aligns them and scores the result.
//!
//! ```text
//! cargo run --release -p tarjama-align --example synthetic -- \
//!     ../shared/data/ntrex/ar-en.tsv [--pairs 1005] [--heavy] [--seed 1]
//!     [--length-only] [--scale N] [--dump DIR] [--reliability]
//! ```
//!
//! Without `--scale`, the pairs are grouped into documents by the TSV's
//! third column (document id) and each document is perturbed and aligned
//! on its own. With `--scale N`, the pairs are repeated up to N and
//! perturbed into one long document, and the run is timed. `--dump DIR`
//! writes each document's sentences and gold alignment (`NAME.src`,
//! `NAME.tgt`, `NAME.gold`) and tarjama's alignment (`NAME.test`).

use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

use tarjama_align::synth::{Perturbation, SplitMix64, perturb};
use tarjama_align::{AlignOptions, Aligner, Evaluation};

struct Args {
    data: Vec<PathBuf>,
    pairs: usize,
    heavy: bool,
    seed: u64,
    length_only: bool,
    scale: Option<usize>,
    dump: Option<PathBuf>,
    reliability: bool,
    doc_size: Option<usize>,
    scores_out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, Box<dyn Error>> {
    let mut args = Args {
        data: Vec::new(),
        pairs: 1005,
        heavy: false,
        seed: 1,
        length_only: false,
        scale: None,
        dump: None,
        reliability: false,
        doc_size: None,
        scores_out: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--pairs" => args.pairs = it.next().ok_or("--pairs N")?.parse()?,
            "--heavy" => args.heavy = true,
            "--seed" => args.seed = it.next().ok_or("--seed N")?.parse()?,
            "--length-only" => args.length_only = true,
            "--scale" => {
                args.scale = Some(it.next().ok_or("--scale N")?.parse()?)
            }
            "--dump" => {
                args.dump = Some(it.next().ok_or("--dump DIR")?.into())
            }
            "--reliability" => args.reliability = true,
            "--doc-size" => {
                args.doc_size = Some(it.next().ok_or("--doc-size N")?.parse()?)
            }
            "--scores" => {
                args.scores_out =
                    Some(it.next().ok_or("--scores FILE")?.into())
            }
            other => args.data.push(other.into()),
        }
    }
    if args.data.is_empty() {
        return Err("usage: synthetic TSV… [options]".into());
    }
    Ok(args)
}

/// A (source, target, document id) row.
type Row = (String, String, String);

/// The rows of the TSV files, in order.
fn read_pairs(paths: &[PathBuf]) -> Result<Vec<Row>, Box<dyn Error>> {
    let mut rows = Vec::new();
    for (file_no, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path)?;
        for line in text.lines() {
            let mut cols = line.split('\t');
            let (Some(ar), Some(en)) = (cols.next(), cols.next()) else {
                continue;
            };
            let doc = cols
                .next()
                .map_or_else(|| format!("file{file_no}"), str::to_string);
            rows.push((ar.to_string(), en.to_string(), doc));
        }
    }
    Ok(rows)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = parse_args()?;
    let rows = read_pairs(&args.data)?;
    let rates =
        if args.heavy { Perturbation::HEAVY } else { Perturbation::STANDARD };
    let mut options = AlignOptions::default();
    options.length_only = args.length_only;
    options.check_lang = false;
    let aligner = Aligner::new(options);
    let mut rng = SplitMix64::new(args.seed);
    let mut evaluation = Evaluation::new();
    // Reliability: (score bucket) → (count, correct).
    let mut buckets = [(0u64, 0u64); 10];
    let mut docs: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if let Some(n) = args.scale {
        let pairs: Vec<(String, String)> = rows
            .iter()
            .cycle()
            .take(n)
            .map(|(a, e, _)| (a.clone(), e.clone()))
            .collect();
        docs.push((format!("scale{n}"), pairs));
    } else {
        for (k, (ar, en, doc)) in rows.iter().take(args.pairs).enumerate() {
            // Without document ids, cut the rows into documents of
            // `--doc-size` pairs.
            let doc = &match args.doc_size {
                Some(size) => format!("{doc}-{}", k / size.max(1)),
                None => doc.clone(),
            };
            match docs.last_mut() {
                Some((name, pairs)) if name == doc => {
                    pairs.push((ar.clone(), en.clone()))
                }
                _ => docs.push((doc.clone(), vec![(ar.clone(), en.clone())])),
            }
        }
    }
    let mut scores_out = String::new();
    let mut seconds = 0.0;
    let mut n_src = 0;
    let mut n_tgt = 0;
    for (name, pairs) in &docs {
        let doc = perturb(pairs, &rates, &mut rng);
        n_src += doc.src.len();
        n_tgt += doc.tgt.len();
        let start = Instant::now();
        let (alignment, _diagnostics) =
            aligner.align_sentences(&doc.src, &doc.tgt);
        seconds += start.elapsed().as_secs_f64();
        let predicted = alignment.index_links();
        let gold: std::collections::BTreeSet<_> = doc.gold.iter().collect();
        evaluation.add(&doc.gold, &predicted);
        for link in &alignment.links {
            let pair = (link.src.clone(), link.tgt.clone());
            let bucket = ((link.score * 10.0) as usize).min(9);
            if args.scores_out.is_some() {
                scores_out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    link.score,
                    u8::from(gold.contains(&pair)),
                    link.src.len(),
                    link.tgt.len()
                ));
            }
            if let Some(b) = buckets.get_mut(bucket) {
                b.0 += 1;
                b.1 += u64::from(gold.contains(&pair));
            }
        }
        if let Some(dir) = &args.dump {
            std::fs::create_dir_all(dir)?;
            let base = dir.join(name.replace('.', "_"));
            std::fs::write(
                base.with_extension("src"),
                doc.src.join("\n") + "\n",
            )?;
            std::fs::write(
                base.with_extension("tgt"),
                doc.tgt.join("\n") + "\n",
            )?;
            std::fs::write(
                base.with_extension("gold"),
                tarjama_align::eval::format_vecalign(&doc.gold),
            )?;
            std::fs::write(
                base.with_extension("test"),
                tarjama_align::eval::format_vecalign(&predicted),
            )?;
        }
    }
    if let Some(path) = &args.scores_out {
        std::fs::write(path, scores_out)?;
    }
    let s = evaluation.scores();
    println!(
        "{{\"docs\":{},\"src_sentences\":{},\"tgt_sentences\":{},\
         \"seconds\":{:.3},\"sentences_per_second\":{:.0},\
         \"precision_strict\":{:.4},\"recall_strict\":{:.4},\"f1_strict\":{:.4},\
         \"precision_lax\":{:.4},\"recall_lax\":{:.4},\"f1_lax\":{:.4}}}",
        docs.len(),
        n_src,
        n_tgt,
        seconds,
        (n_src + n_tgt) as f64 / 2.0 / seconds.max(1e-9),
        s.precision_strict,
        s.recall_strict,
        s.f1_strict,
        s.precision_lax,
        s.recall_lax,
        s.f1_lax
    );
    if args.reliability {
        eprintln!("score bucket\tlinks\tcorrect\taccuracy");
        for (k, (count, correct)) in buckets.iter().enumerate() {
            if *count > 0 {
                eprintln!(
                    "[{:.1},{:.1})\t{count}\t{correct}\t{:.3}",
                    k as f64 / 10.0,
                    (k + 1) as f64 / 10.0,
                    *correct as f64 / *count as f64
                );
            }
        }
    }
    Ok(())
}
