//! A graded similarity between two names in any script, for fuzzy
//! matching where keys differ by a little.
//!
//! Both names go through the same scanner as the loose key, but the weak
//! parts are kept as weighted symbols instead of being dropped: vowels
//! (`V`), consonantal y and w (`Y`, `W`), ayn/hamza signs (`E`), the
//! word onset (`A`) and the -iya ending (`I`, 0.7). A weighted edit distance then compares the symbol
//! strings: a consonant costs 1, related consonant classes (s/sh, t/d,
//! d/z, k/kh, h/kh, k/gh, j/z, m/n) 0.5 to substitute, an onset 0.8, a `Y`
//! or `W` 0.5, a vowel 0.35 and a sign 0.15 to insert or delete. Between
//! an Arabic-script and a Latin name, Latin vowels cost only 0.1, since
//! Arabic script leaves short vowels out. The score is
//! `1 - distance / max(weight(a), weight(b))`, clamped to [0, 1], and 1
//! when the strict keys are equal.
//!
//! Because the distance is divided by the weight of the longer name, one
//! extra syllable weighs much more in a short name than in a long one:
//! Daraa/Darayya, Saida/Suwayda and Ma'an/Amman score below
//! [`THRESHOLD`] although their loose keys are equal or close.
//!
//! ```
//! use tarjama_translit::similarity::{similarity, THRESHOLD};
//!
//! assert!(similarity("Deir ez-Zor", "Dayr az Zawr") >= THRESHOLD);
//! assert!(similarity("دير الزور", "Deir ez-Zor") >= THRESHOLD);
//! assert!(similarity("Jarabulus", "Jarablus") >= THRESHOLD);
//! assert!(similarity("Daraa", "Darayya") < THRESHOLD);
//! assert!(similarity("Saida", "Suwayda") < THRESHOLD);
//! assert!(similarity("Ma'an", "Amman") < THRESHOLD);
//! ```

use std::cell::RefCell;

use crate::keys::{self, Ev, Prepared};

/// Scores at or above this value mean "same name".
///
/// Chosen on the spelling table of this crate's tests
/// (`tests/fixtures/spellings.tsv`, 380 spellings of 80 places, 72,010
/// pairs) and its list of look-alikes (`src/tests.rs`): 0.82 lies in the
/// gap between the highest-scoring look-alike pair of different places
/// (Kirkuk/Karak, 0.787) and the lowest-scoring listed spelling pair of
/// one place (Tall Afar/تلعفر, 0.840), and it gives the best pairwise F1
/// of a sweep over the table from 0.70 to 0.90 (P 0.985, R 0.983). It was
/// tuned on that table, so expect somewhat lower figures on other data;
/// `examples/eval_keys.rs --fixture` reruns the sweep. See
/// `docs/benchmarks.md`.
pub const THRESHOLD: f64 = 0.82;

/// Similarity of two names in [0, 1]. See the [module docs](self).
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    // One order for both argument orders, so that rounding cannot make
    // the score asymmetric.
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let reused = SCRATCH.try_with(|cell| {
        let mut scratch = cell.try_borrow_mut().ok()?;
        Some(score(a, b, &mut scratch))
    });
    match reused {
        Ok(Some(s)) => s,
        _ => score(a, b, &mut Scratch::default()),
    }
}

/// Buffers reused across calls on one thread.
#[derive(Debug, Default)]
struct Scratch {
    key_a: String,
    key_b: String,
    sym_a: Symbols,
    sym_b: Symbols,
    prev: Vec<f64>,
    cur: Vec<f64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn score(a: &str, b: &str, s: &mut Scratch) -> f64 {
    keys::strict_key_into(a, &mut s.key_a);
    keys::strict_key_into(b, &mut s.key_b);
    if !s.key_a.is_empty() && s.key_a == s.key_b {
        return 1.0;
    }
    symbols_into(a, &mut s.sym_a);
    symbols_into(b, &mut s.sym_b);
    let (sa, sb) = (&s.sym_a, &s.sym_b);
    if sa.syms.is_empty() || sb.syms.is_empty() {
        return 0.0;
    }
    let mode = match (sa.arabic, sb.arabic) {
        (false, false) => Mode::Latin,
        (true, true) => Mode::Arabic,
        _ => Mode::Cross,
    };
    let wa = weight(sa, mode);
    let wb = weight(sb, mode);
    let denom = wa.max(wb);
    if denom <= 0.0 {
        return 0.0;
    }
    let dist = distance(&sa.syms, &sb.syms, mode, &mut s.prev, &mut s.cur);
    (1.0 - dist / denom).clamp(0.0, 1.0)
}

/// Which scripts are compared: the costs of the weak symbols differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Two Latin names: vowels are written, with variants.
    Latin,
    /// Arabic and Latin: Arabic leaves short vowels out.
    Cross,
    /// Two Arabic names: long vowels and glides are letters.
    Arabic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Cons,
    Onset,
    Vowel,
    Glide,
    Sign,
    /// The -iya/-ieh/-ya ending (see `keys`).
    Ending,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sym {
    kind: Kind,
    ch: char,
}

#[derive(Debug, Default)]
struct Symbols {
    syms: Vec<Sym>,
    /// Mostly Arabic script (decides the cross-script costs).
    arabic: bool,
}

fn symbols_into(name: &str, out: &mut Symbols) {
    out.syms.clear();
    keys::with_prepared(name, true, |prep: &Prepared, letters| {
        let n = prep.len();
        let arabic_words = (0..n).filter(|&i| prep.is_arabic(i)).count();
        out.arabic = arabic_words * 2 > n;
        for idx in 0..n {
            keys::loose_word(prep, idx, letters, &mut |ev| {
                push(&mut out.syms, ev)
            });
        }
    });
}

fn push(syms: &mut Vec<Sym>, ev: Ev) {
    let sym = match ev {
        Ev::Cons(c) => Sym { kind: Kind::Cons, ch: c },
        Ev::Onset => Sym { kind: Kind::Onset, ch: 'A' },
        Ev::Vowel(_) => Sym { kind: Kind::Vowel, ch: 'V' },
        Ev::Glide { ch, strong: true, .. } => Sym { kind: Kind::Glide, ch },
        Ev::Glide { .. } => Sym { kind: Kind::Vowel, ch: 'V' },
        Ev::Sign => Sym { kind: Kind::Sign, ch: 'E' },
        Ev::Ending => Sym { kind: Kind::Ending, ch: 'I' },
    };
    // Runs of vowels and doubled consonants count once.
    if syms.last() == Some(&sym) {
        return;
    }
    syms.push(sym);
}

/// Cost of inserting or deleting `s`.
fn indel(s: Sym, mode: Mode) -> f64 {
    match (s.kind, mode) {
        (Kind::Cons, _) => 1.0,
        (Kind::Onset, _) => 0.8,
        (Kind::Glide, Mode::Arabic) => 0.7,
        (Kind::Glide, _) => 0.5,
        (Kind::Vowel, Mode::Cross) => 0.1,
        (Kind::Vowel, Mode::Latin) => 0.35,
        (Kind::Vowel, Mode::Arabic) => 0.6,
        (Kind::Sign, Mode::Arabic) => 0.3,
        (Kind::Sign, _) => 0.15,
        (Kind::Ending, _) => 0.7,
    }
}

fn weight(s: &Symbols, mode: Mode) -> f64 {
    s.syms.iter().map(|&x| indel(x, mode)).sum()
}

fn related(a: char, b: char) -> bool {
    let pair = |x, y| (a == x && b == y) || (a == y && b == x);
    pair('s', 'S')
        || pair('t', 'd')
        || pair('d', 'z')
        || pair('k', 'X')
        || pair('h', 'X')
        || pair('k', 'G')
        || pair('j', 'z')
        || pair('s', 'z')
        || pair('t', 's')
        || pair('m', 'n')
}

/// Cost of substituting `a` by `b`.
fn subst(a: Sym, b: Sym, mode: Mode) -> f64 {
    if a == b {
        return 0.0;
    }
    use Kind::*;
    match (a.kind, b.kind) {
        (Cons, Cons) if related(a.ch, b.ch) => 0.5,
        (Cons, Cons) => 1.0,
        (Vowel | Glide | Sign, Vowel | Glide | Sign) => match mode {
            Mode::Cross => 0.1,
            Mode::Latin => 0.2,
            Mode::Arabic => 0.5,
        },
        (Onset, Vowel | Sign | Glide) | (Vowel | Sign | Glide, Onset) => 0.6,
        _ => indel(a, mode) + indel(b, mode),
    }
}

fn distance(
    a: &[Sym],
    b: &[Sym],
    mode: Mode,
    prev: &mut Vec<f64>,
    cur: &mut Vec<f64>,
) -> f64 {
    prev.clear();
    prev.push(0.0);
    for &y in b {
        let last = prev.last().copied().unwrap_or(0.0);
        prev.push(last + indel(y, mode));
    }
    cur.clear();
    cur.resize(b.len() + 1, 0.0);
    for &x in a {
        let del = indel(x, mode);
        let first = prev.first().copied().unwrap_or(0.0) + del;
        if let Some(c) = cur.first_mut() {
            *c = first;
        }
        for (j, &y) in b.iter().enumerate() {
            let diag = prev.get(j).copied().unwrap_or(f64::INFINITY)
                + subst(x, y, mode);
            let up = prev.get(j + 1).copied().unwrap_or(f64::INFINITY) + del;
            let left =
                cur.get(j).copied().unwrap_or(f64::INFINITY) + indel(y, mode);
            if let Some(c) = cur.get_mut(j + 1) {
                *c = diag.min(up).min(left);
            }
        }
        std::mem::swap(prev, cur);
    }
    prev.last().copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_symmetry() {
        let names = ["Daraa", "درعا", "Darayya", "", "-", "Raqqa", "ا"];
        for a in names {
            for b in names {
                let s = similarity(a, b);
                assert!((0.0..=1.0).contains(&s), "{a} {b} {s}");
                assert_eq!(s, similarity(b, a), "{a} {b}");
            }
        }
    }
}
