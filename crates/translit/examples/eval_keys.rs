//! Pairwise accuracy of the strict and loose keys on a names file written
//! by `scripts/geonames/extract.py` (geonameid, country, script, name).
//!
//! ```text
//! cargo run --release -p tarjama-translit --example eval_keys -- \
//!     target/geonames/cities-levant.tsv [--entries] [--errors N]
//! ```
//!
//! A name a city lists twice (GeoNames often repeats the main name among
//! the alternate names) counts once by default; with `--entries` every
//! line of the file counts, which is how the baselines quoted in issue 2
//! were measured. The split counts distinct Latin names either way.
//!
//! For each key and for two splits (all cities; cities with at most 15
//! distinct Latin names) it prints pairwise precision, recall and F1 over
//! all pairs of Latin names (a pair is positive iff both names belong to
//! the same geonameid, predicted positive iff their keys are equal), and
//! the Arabic-vs-Latin recall (the share of Arabic/Latin name pairs of one
//! city whose keys are equal). Pairs are counted per key group, never
//! enumerated. `--fixture FILE` scores the spelling table of the tests
//! (`crates/translit/tests/fixtures/spellings.tsv`) instead, with a
//! threshold sweep of the similarity. `--dump` prints every name with its keys instead.
//! `--errors N` also prints the N largest key groups that
//! merge different cities, and N cities whose names the key splits.
//! `--dump-errors N` prints the loose key's errors on the <=15 split
//! grouped by pattern: wrong merges by key length and by what the two
//! cities' Arabic names say, missed pairs by pattern, and the N most
//! frequent missed key pairs with an example.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use tarjama_translit::keys::{Level, key_into};

/// Which cities a score is computed over.
type Split = fn(&City) -> bool;

#[derive(Default)]
struct City {
    country: String,
    latin: Vec<String>,
    arabic: Vec<String>,
    /// How many different Latin names the city has.
    distinct_latin: usize,
}

impl City {
    fn small(&self) -> bool {
        self.distinct_latin <= 15
    }
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

struct Scores {
    p: f64,
    r: f64,
    f: f64,
    ar: f64,
}

fn score(
    cities: &BTreeMap<u64, City>,
    level: Level,
    split: impl Fn(&City) -> bool,
    errors: usize,
) -> Scores {
    let mut by_key: HashMap<String, u64> = HashMap::new();
    let mut by_key_city: HashMap<(String, u64), u64> = HashMap::new();
    let mut members: HashMap<String, Vec<(u64, String)>> = HashMap::new();
    let (mut positives, mut ar_hits, mut ar_total) = (0u64, 0u64, 0u64);
    let mut buf = String::new();
    let mut split_cities = Vec::new();
    for (&gid, city) in cities.iter().filter(|(_, c)| split(c)) {
        let mut latin_keys: HashMap<String, u64> = HashMap::new();
        for name in &city.latin {
            key_into(name, level, &mut buf);
            *latin_keys.entry(buf.clone()).or_default() += 1;
            *by_key.entry(buf.clone()).or_default() += 1;
            *by_key_city.entry((buf.clone(), gid)).or_default() += 1;
            if errors > 0 {
                members
                    .entry(buf.clone())
                    .or_default()
                    .push((gid, name.clone()));
            }
        }
        positives += pairs(city.latin.len() as u64);
        for name in &city.arabic {
            key_into(name, level, &mut buf);
            ar_total += city.latin.len() as u64;
            ar_hits += latin_keys.get(&buf).copied().unwrap_or(0);
        }
        if latin_keys.len() > 1 {
            split_cities.push((latin_keys.len(), gid));
        }
    }
    let predicted: u64 = by_key.values().map(|&n| pairs(n)).sum();
    let tp: u64 = by_key_city.values().map(|&n| pairs(n)).sum();
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / positives.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let ar = ar_hits as f64 / ar_total.max(1) as f64;
    if errors > 0 {
        let mut merged: Vec<(u64, &String)> = by_key
            .iter()
            .map(|(k, &n)| {
                let same: u64 = by_key_city
                    .iter()
                    .filter(|((kk, _), _)| kk == k)
                    .map(|(_, &m)| pairs(m))
                    .sum();
                (pairs(n) - same, k)
            })
            .filter(|(fp, _)| *fp > 0)
            .collect();
        merged.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        for (fp, k) in merged.iter().take(errors) {
            let names: Vec<String> = members[*k]
                .iter()
                .map(|(g, n)| format!("{n} [{g}]"))
                .collect();
            println!("  merged {fp} pairs under {k:?}: {}", names.join(", "));
        }
        split_cities.sort_by(|a, b| b.cmp(a));
        for (n, gid) in split_cities.iter().take(errors) {
            let city = &cities[gid];
            let keyed: Vec<String> = city
                .latin
                .iter()
                .chain(&city.arabic)
                .map(|name| {
                    key_into(name, level, &mut buf);
                    format!("{name}={buf}")
                })
                .collect();
            println!("  split {gid} into {n} keys: {}", keyed.join(", "));
        }
    }
    Scores { p, r, f, ar }
}

/// `--fixture FILE`: pairwise scores of the keys and a threshold sweep of
/// the similarity over the spelling table of the tests (place id,
/// country, spelling, kind; exonyms and other names left out).
fn fixture(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(1);
        }
    };
    let rows: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            match f[..] {
                [place, _, name] => Some((place, name)),
                [place, _, name, kind]
                    if kind != "exonym" && kind != "other" =>
                {
                    Some((place, name))
                }
                _ => None,
            }
        })
        .collect();
    let places: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.0).collect();
    println!(
        "{} spellings of {} places, {} pairs",
        rows.len(),
        places.len(),
        rows.len() * (rows.len() - 1) / 2
    );
    println!("| key | P | R | F1 |");
    println!("|---|---|---|---|");
    let mut buf = String::new();
    for (level_name, level) in
        [("strict", Level::Strict), ("loose", Level::Loose)]
    {
        let keys: Vec<String> = rows
            .iter()
            .map(|(_, name)| {
                key_into(name, level, &mut buf);
                buf.clone()
            })
            .collect();
        let (mut tp, mut fp, mut fneg) = (0u64, 0u64, 0u64);
        for i in 0..rows.len() {
            for j in i + 1..rows.len() {
                match (rows[i].0 == rows[j].0, keys[i] == keys[j]) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fneg += 1,
                    (false, false) => {}
                }
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fneg).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!("| {level_name} | {p:.3} | {r:.3} | {f:.3} |");
    }
    let mut scored = Vec::new();
    for i in 0..rows.len() {
        for j in i + 1..rows.len() {
            let s =
                tarjama_translit::similarity::similarity(rows[i].1, rows[j].1);
            scored.push((s, rows[i].0 == rows[j].0));
        }
    }
    println!("\n| similarity >= T | P | R | F1 |");
    println!("|---|---|---|---|");
    for t in [0.70, 0.75, 0.78, 0.80, 0.82, 0.85, 0.90] {
        let tp = scored.iter().filter(|(s, same)| *same && *s >= t).count();
        let fp = scored.iter().filter(|(s, same)| !*same && *s >= t).count();
        let pos = scored.iter().filter(|(_, same)| *same).count();
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / pos.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!("| {t:.2} | {p:.3} | {r:.3} | {f:.3} |");
    }
    ExitCode::SUCCESS
}

const ROUNDS: usize = 50;

/// Nanoseconds this thread has run on a CPU (Linux schedstat).
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = &args[..] {
        if flag == "--fixture" {
            return fixture(path);
        }
    }
    let Some(path) = args.first() else {
        eprintln!("usage: eval_keys NAMES.tsv [--errors N]");
        return ExitCode::from(2);
    };
    let errors = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(1);
        }
    };
    let entries = args.iter().any(|a| a == "--entries");
    let mut cities: BTreeMap<u64, City> = BTreeMap::new();
    for (line_no, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [gid, country, script, name] = fields[..] else {
            eprintln!("{path}:{}: expected 4 fields", line_no + 1);
            return ExitCode::from(1);
        };
        let Ok(gid) = gid.parse::<u64>() else {
            eprintln!("{path}:{}: bad geonameid", line_no + 1);
            return ExitCode::from(1);
        };
        let city = cities.entry(gid).or_default();
        city.country = country.to_string();
        let names = match script {
            "arabic" => &mut city.arabic,
            _ => &mut city.latin,
        };
        let repeat = names.iter().any(|n| n == name);
        if !repeat && script != "arabic" {
            city.distinct_latin += 1;
        }
        if entries || !repeat {
            names.push(name.to_string());
        }
    }
    if let Some(n) = args
        .iter()
        .position(|a| a == "--dump-errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
    {
        dump_errors(&cities, n);
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--dump") {
        // One line per name: geonameid, script, name, strict, loose.
        let mut buf = String::new();
        for (gid, city) in &cities {
            for (script, names) in
                [("latin", &city.latin), ("arabic", &city.arabic)]
            {
                for name in names {
                    key_into(name, Level::Strict, &mut buf);
                    let strict = buf.clone();
                    key_into(name, Level::Loose, &mut buf);
                    println!("{gid}\t{script}\t{name}\t{strict}\t{buf}");
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    let mut buf = String::new();
    println!(
        "| key | split | cities | latin names | P | R | F1 | ar-lat recall |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let splits: [(&str, Split); 2] =
        [("all", |_| true), ("<=15", City::small)];
    for (split_name, split) in splits {
        let n_cities = cities.values().filter(|c| split(c)).count();
        let n_latin: usize =
            cities.values().filter(|c| split(c)).map(|c| c.latin.len()).sum();
        for (level_name, level) in
            [("strict", Level::Strict), ("loose", Level::Loose)]
        {
            let s = score(&cities, level, split, 0);
            println!(
                "| {level_name} | {split_name} | {n_cities} | {n_latin} | \
                 {:.3} | {:.3} | {:.3} | {:.3} |",
                s.p, s.r, s.f, s.ar
            );
        }
    }
    // Speed on these names, one thread: keys per second over all names,
    // 50 rounds, by wall clock and by this thread's CPU time (the second
    // is the per-core figure on a loaded machine).
    let all: Vec<&str> = cities
        .values()
        .flat_map(|c| c.latin.iter().chain(&c.arabic))
        .map(String::as_str)
        .collect();
    println!();
    for (level_name, level) in
        [("strict", Level::Strict), ("loose", Level::Loose)]
    {
        let start = std::time::Instant::now();
        let cpu_start = thread_cpu_ns();
        let mut bytes = 0usize;
        for _ in 0..ROUNDS {
            for name in &all {
                key_into(std::hint::black_box(name), level, &mut buf);
                bytes += buf.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let n = (all.len() * ROUNDS) as f64;
        let cpu = match (cpu_start, thread_cpu_ns()) {
            (Some(a), Some(b)) if b > a => {
                format!("{:.2}", n / ((b - a) as f64 / 1e9) / 1e6)
            }
            _ => "?".to_string(),
        };
        println!(
            "{level_name}: {:.2} M names/s wall, {cpu} M names/s CPU \
             ({} names x {ROUNDS}, {bytes} key bytes)",
            n / secs / 1e6,
            all.len()
        );
    }
    if errors > 0 {
        println!("\nloose key errors, cities with <= 15 Latin names:");
        score(&cities, Level::Loose, City::small, errors);
    }
    let countries: std::collections::BTreeSet<&str> =
        cities.values().map(|c| c.country.as_str()).collect();
    eprintln!("countries: {countries:?}");
    ExitCode::SUCCESS
}

/// A missed key pair: the two keys, and how often plus an example.
type MissedRow<'a> = (&'a (String, String), &'a (u64, String, String));

/// The number of consonant classes in a loose key (marks left out).
fn classes(key: &str) -> usize {
    let mut n = 0;
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'ʔ' || c == tarjama_translit::keys::REPEAT {
            continue;
        }
        // sh, kh, gh are one class.
        if matches!(c, 's' | 'k' | 'g') && chars.peek() == Some(&'h') {
            chars.next();
        }
        n += 1;
    }
    n
}

/// Prints a pattern count table, largest first.
fn print_counts(title: &str, counts: &BTreeMap<String, u64>) {
    let total: u64 = counts.values().sum();
    println!("{title}: {total} pairs");
    let mut rows: Vec<(&String, &u64)> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (pattern, n) in rows {
        println!(
            "  {:>6} {:>5.1}%  {pattern}",
            n,
            100.0 * *n as f64 / total.max(1) as f64
        );
    }
}

/// `--dump-errors N`: the loose key's errors on the <=15 split, grouped
/// by pattern.
fn dump_errors(cities: &BTreeMap<u64, City>, top: usize) {
    let mut buf = String::new();
    let mut key = |name: &str| {
        key_into(name, Level::Loose, &mut buf);
        buf.clone()
    };
    struct Keyed {
        latin: Vec<(String, String)>,
        arabic_names: Vec<String>,
        arabic_keys: Vec<String>,
    }
    let split: BTreeMap<u64, Keyed> = cities
        .iter()
        .filter(|(_, c)| c.small())
        .map(|(&gid, c)| {
            let keyed = Keyed {
                latin: c.latin.iter().map(|n| (n.clone(), key(n))).collect(),
                arabic_names: c.arabic.clone(),
                arabic_keys: c.arabic.iter().map(|n| key(n)).collect(),
            };
            (gid, keyed)
        })
        .collect();
    // Wrong merges: pairs of Latin names of different cities with one
    // key, counted per (key, city, city).
    let mut groups: BTreeMap<&str, BTreeMap<u64, u64>> = BTreeMap::new();
    for (&gid, city) in &split {
        for (_, k) in &city.latin {
            *groups.entry(k).or_default().entry(gid).or_default() += 1;
        }
    }
    let mut by_len: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_arabic: BTreeMap<String, u64> = BTreeMap::new();
    for (k, members) in &groups {
        let members: Vec<(&u64, &u64)> = members.iter().collect();
        for (i, (ga, na)) in members.iter().enumerate() {
            for (gb, nb) in members.iter().skip(i + 1) {
                let fp = *na * *nb;
                let len = match classes(k) {
                    n @ 0..=4 => format!("key of {n} classes"),
                    _ => "key of 5+ classes".to_string(),
                };
                *by_len.entry(len).or_default() += fp;
                let (a, b) = (&split[ga], &split[gb]);
                let pattern = if a.arabic_names.is_empty()
                    || b.arabic_names.is_empty()
                {
                    "a city without an Arabic name"
                } else if a
                    .arabic_names
                    .iter()
                    .any(|n| b.arabic_names.contains(n))
                {
                    "homonyms: one Arabic name in both cities"
                } else if a.arabic_keys.iter().any(|x| x == k)
                    && b.arabic_keys.iter().any(|x| x == k)
                {
                    "Arabic names differ, but both have this key"
                } else if a.arabic_keys.iter().any(|x| x == k)
                    || b.arabic_keys.iter().any(|x| x == k)
                {
                    "one city's Arabic name has this key"
                } else {
                    "neither city's Arabic name has this key"
                };
                *by_arabic.entry(pattern.to_string()).or_default() += fp;
            }
        }
    }
    print_counts("wrong merges by key length", &by_len);
    print_counts("wrong merges by the cities' Arabic names", &by_arabic);
    // Missed pairs: two Latin names of one city with different keys.
    let mut patterns: BTreeMap<String, u64> = BTreeMap::new();
    let mut missed: BTreeMap<(String, String), (u64, String, String)> =
        BTreeMap::new();
    for city in split.values() {
        for (i, (na, ka)) in city.latin.iter().enumerate() {
            for (nb, kb) in city.latin.iter().skip(i + 1) {
                if ka == kb {
                    continue;
                }
                let (ka, kb) = if ka <= kb { (ka, kb) } else { (kb, ka) };
                let (short, long) =
                    if ka.len() <= kb.len() { (ka, kb) } else { (kb, ka) };
                let pattern = if short.is_empty() {
                    "one key empty"
                } else if long.starts_with("khrbt")
                    != short.starts_with("khrbt")
                {
                    "Khirbat in one name only"
                } else if long.starts_with(short.as_str()) {
                    "extra word(s) after the name"
                } else if long.ends_with(short.trim_start_matches('ʔ')) {
                    "extra word(s) before the name"
                } else if classes(ka) == classes(kb) {
                    "same length, some class differs"
                } else if classes(ka).abs_diff(classes(kb)) == 1 {
                    "one class more or less"
                } else {
                    "otherwise different (other names, languages)"
                };
                *patterns.entry(pattern.to_string()).or_default() += 1;
                let entry = missed
                    .entry((ka.clone(), kb.clone()))
                    .or_insert((0, na.clone(), nb.clone()));
                entry.0 += 1;
            }
        }
    }
    print_counts("missed pairs by pattern", &patterns);
    let mut rows: Vec<MissedRow> = missed.iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    println!("most frequent missed key pairs:");
    for ((ka, kb), (n, na, nb)) in rows.into_iter().take(top) {
        println!("  {n:>4}  {ka} / {kb}  (e.g. {na} / {nb})");
    }
}
