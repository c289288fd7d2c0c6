//! Aligns the sample interviews of `corpus/samples` on their gold
//! sentences and scores the result against the gold alignments.
//!
//! ```text
//! cargo run --release -p tarjama-align --example samples -- \
//!     [corpus/samples] [--length-only] [--dump DIR] [--verbose]
//! ```
//!
//! Each `gold/NAME.align` names a document pair `NAME.ar.txt` /
//! `NAME.en.txt` with gold sentences `gold/NAME.{ar,en}.sents`. The gold
//! sentences are placed into the structure that `tarjama-segment` finds
//! in the raw texts (titles, questions, answers, captions…), aligned and
//! scored (strict and lax, as vecalign's scorer). `--dump DIR` writes
//! `NAME.test` (tarjama's links in the vecalign format).

use std::error::Error;
use std::path::PathBuf;

use tarjama_align::eval::{format_vecalign, parse_vecalign};
use tarjama_align::{AlignOptions, Aligner, Evaluation, Sentence};
use tarjama_segment::{Document, Lang};

fn lines(path: &PathBuf) -> Result<Vec<String>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().map(str::to_string).collect())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut dir = PathBuf::from("corpus/samples");
    let mut length_only = false;
    let mut verbose = false;
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--length-only" => length_only = true,
            "--verbose" => verbose = true,
            "--dump" => dump = Some(args.next().ok_or("--dump DIR")?.into()),
            other => dir = other.into(),
        }
    }
    let mut options = AlignOptions::default();
    options.length_only = length_only;
    let aligner = Aligner::new(options);
    let mut names: Vec<String> = std::fs::read_dir(dir.join("gold"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name().to_str()?.strip_suffix(".align").map(str::to_string)
        })
        .collect();
    names.sort();
    let mut total = Evaluation::new();
    for name in &names {
        let ar_text =
            std::fs::read_to_string(dir.join(format!("{name}.ar.txt")))?;
        let en_text =
            std::fs::read_to_string(dir.join(format!("{name}.en.txt")))?;
        let ar_gold = lines(&dir.join(format!("gold/{name}.ar.sents")))?;
        let en_gold = lines(&dir.join(format!("gold/{name}.en.sents")))?;
        let gold = parse_vecalign(&std::fs::read_to_string(
            dir.join(format!("gold/{name}.align")),
        )?)?;
        let ar_doc = Document::parse(&ar_text, Lang::Ar);
        let en_doc = Document::parse(&en_text, Lang::En);
        let src = Sentence::place_in(&ar_text, &ar_doc, &ar_gold);
        let tgt = Sentence::place_in(&en_text, &en_doc, &en_gold);
        let (alignment, _) = aligner.align_structured(&src, &tgt);
        let predicted = alignment.index_links();
        let mut one = Evaluation::new();
        one.add(&gold, &predicted);
        total.add(&gold, &predicted);
        let s = one.scores();
        println!(
            "{name}\t{}\t{}\tstrict {:.3}\tlax {:.3}",
            src.len(),
            tgt.len(),
            s.f1_strict,
            s.f1_lax
        );
        if verbose {
            for link in &alignment.links {
                let pair = (link.src.clone(), link.tgt.clone());
                if !gold.contains(&pair) {
                    let (a, e) = alignment.texts(link);
                    println!(
                        "  WRONG {:?} {:.2}\n    {a}\n    {e}",
                        pair, link.score
                    );
                }
            }
        }
        if let Some(out) = &dump {
            std::fs::create_dir_all(out)?;
            std::fs::write(
                out.join(format!("{name}.test")),
                format_vecalign(&predicted),
            )?;
        }
    }
    let s = total.scores();
    println!(
        "TOTAL\tP/R/F1 strict {:.4} {:.4} {:.4}\tlax {:.4} {:.4} {:.4}",
        s.precision_strict,
        s.recall_strict,
        s.f1_strict,
        s.precision_lax,
        s.recall_lax,
        s.f1_lax
    );
    Ok(())
}
