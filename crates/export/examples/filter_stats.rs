//! Calibration of the pair filters on human translations: prints the
//! distribution of the character-length ratio `chars(src) / chars(tgt)`
//! and what the default filters reject.
//!
//! ```text
//! cargo run --release -p tarjama-export --example filter_stats -- \
//!     ../shared/data/ntrex/ar-en.tsv ../shared/data/flores/ar-en.dev.tsv
//! ```
//!
//! Each file has the source in column 1 and the target in column 2
//! (tab-separated, no header), as the shared NTREX and FLORES files do.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;

use tarjama_export::{Filter, FilterOptions, FormatOptions, TsvReader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = FormatOptions::default();
    let mut ratios = Vec::new();
    let mut filter = Filter::new(FilterOptions::default());
    let mut rejected: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut pairs = 0usize;
    for path in std::env::args().skip(1) {
        let reader =
            TsvReader::new(BufReader::new(File::open(&path)?), &options);
        for pair in reader {
            let pair = pair?;
            pairs += 1;
            let src = pair.src().trim().chars().count();
            let tgt = pair.tgt().trim().chars().count();
            if src > 0 && tgt > 0 {
                ratios.push(src as f64 / tgt as f64);
            }
            if let Some(reason) = filter.check(&pair) {
                let example = format!("{} ||| {}", pair.src(), pair.tgt());
                rejected.entry(reason.name()).or_default().push(example);
            }
        }
    }
    ratios.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((ratios.len() as f64 - 1.0) * q).round() as usize;
        ratios.get(i).copied().unwrap_or(f64::NAN)
    };
    println!("pairs: {pairs}");
    for q in
        [0.0, 0.001, 0.005, 0.01, 0.05, 0.5, 0.95, 0.99, 0.995, 0.999, 1.0]
    {
        println!("ratio p{:<5} {:.3}", q * 100.0, at(q));
    }
    let total: usize = rejected.values().map(Vec::len).sum();
    println!(
        "rejected by the default filters: {total} ({:.2} %)",
        100.0 * total as f64 / pairs.max(1) as f64
    );
    for (reason, examples) in &rejected {
        println!("  {reason}: {}", examples.len());
        for example in examples.iter().take(3) {
            let short: String = example.chars().take(140).collect();
            println!("    {short}");
        }
    }
    Ok(())
}
