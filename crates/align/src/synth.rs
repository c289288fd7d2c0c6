//! Synthetic test documents: gold 1-1 sentence pairs concatenated into a
//! document and perturbed with seeded merges (1-2, 2-1, 2-2) and drops
//! (1-0, 0-1), with the gold alignment that results. Deterministic: the
//! same pairs, rates and seed give the same document on every platform.

use crate::eval::IndexLink;

/// SplitMix64, a small, fast, well-mixed 64-bit generator (Steele, Lea
/// and Flood 2014); enough for test perturbations, not for cryptography.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Perturbation rates, each a probability per gold pair.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Perturbation {
    /// Two source sentences joined (gives a 1-2 link).
    pub merge_src: f64,
    /// Two target sentences joined (gives a 2-1 link).
    pub merge_tgt: f64,
    /// Three pairs rejoined as `[s0 s1, s2] : [t0, t1 t2]` (a 2-2 link).
    pub merge_both: f64,
    /// A source sentence dropped (gives a 0-1 link).
    pub drop_src: f64,
    /// A target sentence dropped (gives a 1-0 link).
    pub drop_tgt: f64,
}

impl Perturbation {
    /// The standard test: 5 % merges each side, 2 % drops each side,
    /// 1 % 2-2.
    pub const STANDARD: Perturbation = Perturbation {
        merge_src: 0.05,
        merge_tgt: 0.05,
        merge_both: 0.01,
        drop_src: 0.02,
        drop_tgt: 0.02,
    };

    /// The heavy test: 10 % merges and 5 % drops each side.
    pub const HEAVY: Perturbation = Perturbation {
        merge_src: 0.10,
        merge_tgt: 0.10,
        merge_both: 0.0,
        drop_src: 0.05,
        drop_tgt: 0.05,
    };

    /// No perturbation: every pair stays 1-1.
    pub const NONE: Perturbation = Perturbation {
        merge_src: 0.0,
        merge_tgt: 0.0,
        merge_both: 0.0,
        drop_src: 0.0,
        drop_tgt: 0.0,
    };
}

/// A perturbed document pair and its gold alignment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyntheticDoc {
    /// Source sentences.
    pub src: Vec<String>,
    /// Target sentences.
    pub tgt: Vec<String>,
    /// Gold links, in document order.
    pub gold: Vec<IndexLink>,
}

fn join(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len() + 1);
    out.push_str(a);
    out.push(' ');
    out.push_str(b);
    out
}

/// Builds one perturbed document from gold pairs `(source, target)`.
pub fn perturb<S: AsRef<str>>(
    pairs: &[(S, S)],
    rates: &Perturbation,
    rng: &mut SplitMix64,
) -> SyntheticDoc {
    let mut doc = SyntheticDoc::default();
    let mut pos = 0;
    while let Some((s0, t0)) = pairs.get(pos) {
        let (s0, t0) = (s0.as_ref(), t0.as_ref());
        let next = pairs.get(pos + 1).map(|(s, t)| (s.as_ref(), t.as_ref()));
        let third = pairs.get(pos + 2).map(|(s, t)| (s.as_ref(), t.as_ref()));
        let (si, ti) = (doc.src.len() as u32, doc.tgt.len() as u32);
        let mut u = rng.next_f64();
        let mut pick = |rate: f64| {
            let hit = u < rate;
            u -= rate;
            hit
        };
        if pick(rates.drop_src) {
            doc.tgt.push(t0.to_string());
            doc.gold.push((vec![], vec![ti]));
            pos += 1;
        } else if pick(rates.drop_tgt) {
            doc.src.push(s0.to_string());
            doc.gold.push((vec![si], vec![]));
            pos += 1;
        } else if let (true, Some((s1, t1))) = (pick(rates.merge_src), next) {
            doc.src.push(join(s0, s1));
            doc.tgt.push(t0.to_string());
            doc.tgt.push(t1.to_string());
            doc.gold.push((vec![si], vec![ti, ti + 1]));
            pos += 2;
        } else if let (true, Some((s1, t1))) = (pick(rates.merge_tgt), next) {
            doc.src.push(s0.to_string());
            doc.src.push(s1.to_string());
            doc.tgt.push(join(t0, t1));
            doc.gold.push((vec![si, si + 1], vec![ti]));
            pos += 2;
        } else if let (true, Some((s1, t1)), Some((s2, t2))) =
            (pick(rates.merge_both), next, third)
        {
            doc.src.push(join(s0, s1));
            doc.src.push(s2.to_string());
            doc.tgt.push(t0.to_string());
            doc.tgt.push(join(t1, t2));
            doc.gold.push((vec![si, si + 1], vec![ti, ti + 1]));
            pos += 3;
        } else {
            doc.src.push(s0.to_string());
            doc.tgt.push(t0.to_string());
            doc.gold.push((vec![si], vec![ti]));
            pos += 1;
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic_and_uniformish() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mean: f64 = (0..10_000).map(|_| a.next_f64()).sum::<f64>() / 1e4;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
        // Reference value of SplitMix64 from seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn gold_covers_every_sentence_once() {
        let pairs: Vec<(String, String)> =
            (0..500).map(|k| (format!("s{k}"), format!("t{k}"))).collect();
        let heavy = Perturbation {
            merge_src: 0.1,
            merge_tgt: 0.1,
            merge_both: 0.05,
            drop_src: 0.05,
            drop_tgt: 0.05,
        };
        let doc = perturb(&pairs, &heavy, &mut SplitMix64::new(1));
        let src: Vec<u32> =
            doc.gold.iter().flat_map(|l| l.0.clone()).collect();
        let tgt: Vec<u32> =
            doc.gold.iter().flat_map(|l| l.1.clone()).collect();
        assert_eq!(src, (0..doc.src.len() as u32).collect::<Vec<_>>());
        assert_eq!(tgt, (0..doc.tgt.len() as u32).collect::<Vec<_>>());
        let kinds = |a: usize, b: usize| {
            doc.gold
                .iter()
                .filter(|l| l.0.len() == a && l.1.len() == b)
                .count()
        };
        assert!(kinds(1, 2) > 20 && kinds(2, 1) > 20 && kinds(2, 2) > 5);
        assert!(kinds(1, 0) > 5 && kinds(0, 1) > 5);
        let again = perturb(&pairs, &heavy, &mut SplitMix64::new(1));
        assert_eq!(doc, again);
    }
}
