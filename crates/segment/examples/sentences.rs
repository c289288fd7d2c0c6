//! Prints a document's sentences one a line, for evaluation against the
//! gold `.sents` files (crates/segment/scripts/boundary_f1.py):
//! `cargo run -p tarjama-segment --example sentences -- MODE LANG FILE`.
//!
//! MODE `tarjama`: [`Document::parse`]. MODE `uax`: the same blocks, each
//! split by the bare UAX #29 rules of `unicode-segmentation` (the base
//! layer alone, as a baseline; quadratic on adversarial input such as a
//! full stop followed by thousands of closing quotes).

use tarjama_segment::{Document, Lang};
use unicode_segmentation::UnicodeSegmentation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(lang), Some(path)) =
        (args.get(1), args.get(2), args.get(3))
    else {
        return Err("usage: sentences tarjama|uax LANG FILE".into());
    };
    let text = std::fs::read_to_string(path)?;
    let doc = Document::parse(&text, Lang::from_code(lang));
    for block in &doc.blocks {
        match mode.as_str() {
            "tarjama" => {
                for sentence in &block.sentences {
                    println!("{}", sentence.text);
                }
            }
            "uax" => {
                let content = text.get(block.span.clone()).unwrap_or("");
                for sentence in content.split_sentence_bounds() {
                    let sentence = sentence.trim();
                    if !sentence.is_empty() {
                        println!("{sentence}");
                    }
                }
            }
            _ => return Err(format!("unknown mode {mode:?}").into()),
        }
    }
    Ok(())
}
