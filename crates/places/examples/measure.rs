//! Throughput of resolve, tag and load, measured in on-CPU time as well as
//! wall time, for noisy shared machines where wall-clock benchmarks mostly
//! measure the neighbours. On-CPU time comes from
//! `/proc/thread-self/schedstat` (Linux; the process's own threads only),
//! so it is the time one core spent on the work.
//!
//! ```text
//! cargo run --release -p tarjama-places --example measure [SY.txt]
//! ```

use std::path::Path;
use std::time::Instant;

use tarjama_places::{
    Gazetteer, GeoNamesOptions, ResolveOptions, TagOptions, parse_geonames,
};

/// Nanoseconds this thread has spent on a CPU.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Nanoseconds the whole process has spent on CPUs, threads that have
/// exited included (`utime + stime` of `/proc/self/stat`, in clock ticks
/// of 10 ms: `USER_HZ` is 100 on Linux).
fn process_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = text.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) * 10_000_000)
}

fn report(what: &str, units: f64, unit: &str, wall: f64, cpu: Option<f64>) {
    let cpu_rate =
        cpu.map_or("n/a".to_owned(), |c| format!("{:.0}", units / c));
    println!(
        "{what}: {:.0} {unit}/s wall, {cpu_rate} {unit}/s per CPU-second \
         (wall {wall:.3} s, cpu {})",
        units / wall,
        cpu.map_or("n/a".to_owned(), |c| format!("{c:.3} s"))
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let g = Gazetteer::builtin().expect("builtin gazetteer");
    // Resolve: the fixture spellings, many rounds.
    let fixture =
        std::fs::read_to_string(root.join("tests/fixtures/spellings.tsv"))
            .expect("fixture");
    let names: Vec<&str> = fixture
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('\t'))
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    let options = ResolveOptions::default();
    let rounds = 500;
    let (t0, c0) = (Instant::now(), thread_cpu_ns());
    let mut found = 0usize;
    for _ in 0..rounds {
        for n in &names {
            found += g.resolve(n, &options).candidates.len();
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = c0.zip(thread_cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
    assert!(found > 0);
    let total = (rounds * names.len()) as f64;
    report("resolve (fixture spellings)", total, "names", wall, cpu);
    // Tag: the sample interviews, Arabic and English.
    for lang in ["ar", "en"] {
        let dir = root.join("../../corpus/samples");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus/samples")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(&format!(".{lang}.txt")))
            .collect();
        files.sort();
        let text: String = files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("sample") + "\n")
            .collect();
        let tagger = g.tagger(&TagOptions::default());
        let rounds = 200;
        let (t0, c0) = (Instant::now(), thread_cpu_ns());
        let mut mentions = 0usize;
        for _ in 0..rounds {
            mentions += tagger.tag(&text).len();
        }
        let wall = t0.elapsed().as_secs_f64();
        let cpu = c0.zip(thread_cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
        let mb = (rounds * text.len()) as f64 / 1e6;
        report(
            &format!("tag prose {lang} ({mentions} mentions)"),
            mb,
            "MB",
            wall,
            cpu,
        );
    }
    // Load: a GeoNames dump, if given.
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path).expect("dump");
        for _ in 0..3 {
            let (t0, c0) = (Instant::now(), process_cpu_ns());
            let places =
                parse_geonames(&text, &path, &GeoNamesOptions::default())
                    .expect("dump parses");
            let n = Gazetteer::from_places(places).len();
            let wall = t0.elapsed().as_secs_f64();
            let cpu =
                c0.zip(process_cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
            println!(
                "load {path} ({n} places, {} bytes): wall {wall:.3} s, cpu {}",
                text.len(),
                cpu.map_or("n/a".to_owned(), |c| format!("{c:.3} s"))
            );
        }
    }
}
