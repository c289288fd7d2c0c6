//! Prints the block kinds of a document: `cargo run -p tarjama-segment
//! --example blocks -- LANG FILE`.

use tarjama_segment::{Document, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(lang), Some(path)) = (args.get(1), args.get(2)) else {
        return Err("usage: blocks LANG FILE".into());
    };
    let text = std::fs::read_to_string(path)?;
    let doc = Document::parse(&text, Lang::from_code(lang));
    for block in &doc.blocks {
        let first = block.sentences.first().map_or("", |s| s.text.as_str());
        let short: String = first.chars().take(60).collect();
        println!(
            "{:>3} {:<11} {:<8} {:>4} {}",
            block.index,
            block.kind.as_str(),
            block.role.as_str(),
            block.turn.map_or(String::new(), |t| t.to_string()),
            short
        );
    }
    for diagnostic in &doc.diagnostics {
        println!("! {diagnostic}");
    }
    Ok(())
}
