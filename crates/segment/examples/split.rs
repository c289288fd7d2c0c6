//! Prints the sentences `split_sentences` finds, one a line:
//! `cargo run -p tarjama-segment --example split -- LANG FILE`.

use tarjama_segment::{Lang, split_sentences};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(lang), Some(path)) = (args.get(1), args.get(2)) else {
        return Err("usage: split LANG FILE".into());
    };
    let text = std::fs::read_to_string(path)?;
    for range in split_sentences(&text, Lang::from_code(lang)) {
        println!("{}", text.get(range).unwrap_or(""));
    }
    Ok(())
}
