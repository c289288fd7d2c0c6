//! Evaluation against a gold alignment: strict and lax precision,
//! recall and F1 with the semantics of vecalign's `score.py`.
//!
//! - A link is a pair of sorted sentence-index lists (source, target).
//!   Links empty on both sides are ignored.
//! - **Precision** is computed over all predicted links, one-sided
//!   (1-0, 0-1) links included: a predicted link is a strict hit when
//!   the gold alignment has exactly the same link, and a lax hit when it
//!   is a strict hit or when some source sentence of it is linked in the
//!   gold to some target sentence of it (so a one-sided link is a lax
//!   hit only when it is a strict hit).
//! - **Recall** swaps the roles and leaves one-sided links out of both
//!   sides: each two-sided gold link is checked against the two-sided
//!   predicted links, in the same way.
//! - Counts are summed over documents (micro average); F1 is the
//!   harmonic mean of precision and recall; 0/0 gives 0.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::AlignError;

/// One link of an alignment, as sentence indices on each side.
pub type IndexLink = (Vec<u32>, Vec<u32>);

/// Parses a vecalign alignment file: one `[i,j]:[k]` link per line.
/// Blank lines are skipped.
///
/// ```
/// let links = tarjama_align::eval::parse_vecalign("[0]:[0]\n[1,2]:[]\n")?;
/// assert_eq!(links, vec![(vec![0], vec![0]), (vec![1, 2], vec![])]);
/// # Ok::<(), tarjama_align::AlignError>(())
/// ```
pub fn parse_vecalign(text: &str) -> Result<Vec<IndexLink>, AlignError> {
    let mut links = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim().trim_start_matches('\u{FEFF}');
        if line.is_empty() {
            continue;
        }
        let Some((src, tgt)) = line.split_once(':') else {
            return Err(AlignError::bad_gold_line(n + 1, "missing ':'"));
        };
        let src = parse_list(src)
            .map_err(|m| AlignError::bad_gold_line(n + 1, m))?;
        let tgt = parse_list(tgt)
            .map_err(|m| AlignError::bad_gold_line(n + 1, m))?;
        links.push((src, tgt));
    }
    Ok(links)
}

fn parse_list(text: &str) -> Result<Vec<u32>, &'static str> {
    let inner = text
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or("expected a bracketed list like [1,2]")?;
    let mut out = Vec::new();
    for item in inner.split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        out.push(item.parse().map_err(|_| "not a sentence index")?);
    }
    Ok(out)
}

/// Writes links in the vecalign format, one per line.
///
/// ```
/// let text = tarjama_align::eval::format_vecalign(&[(vec![0, 1], vec![2])]);
/// assert_eq!(text, "[0,1]:[2]\n");
/// ```
pub fn format_vecalign(links: &[IndexLink]) -> String {
    let mut out = String::new();
    for (src, tgt) in links {
        out.push('[');
        push_list(&mut out, src);
        out.push_str("]:[");
        push_list(&mut out, tgt);
        out.push_str("]\n");
    }
    out
}

fn push_list(out: &mut String, items: &[u32]) {
    for (n, i) in items.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&i.to_string());
    }
}

/// True/false positive counts, strict and lax.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Strict true positives.
    pub tp_strict: u64,
    /// Strict false positives.
    pub fp_strict: u64,
    /// Lax true positives.
    pub tp_lax: u64,
    /// Lax false positives.
    pub fp_lax: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp_strict += other.tp_strict;
        self.fp_strict += other.fp_strict;
        self.tp_lax += other.tp_lax;
        self.fp_lax += other.fp_lax;
    }
}

/// Precision, recall and F1, strict and lax.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Strict precision.
    pub precision_strict: f64,
    /// Strict recall.
    pub recall_strict: f64,
    /// Strict F1.
    pub f1_strict: f64,
    /// Lax precision.
    pub precision_lax: f64,
    /// Lax recall.
    pub recall_lax: f64,
    /// Lax F1.
    pub f1_lax: f64,
}

/// Accumulates counts over one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Counts of predicted links against the gold (precision).
    pub precision: Counts,
    /// Counts of two-sided gold links against the two-sided predicted
    /// links (recall).
    pub recall: Counts,
}

impl Evaluation {
    /// An empty evaluation.
    pub fn new() -> Evaluation {
        Evaluation::default()
    }

    /// Adds one document's gold and predicted links.
    pub fn add(&mut self, gold: &[IndexLink], predicted: &[IndexLink]) {
        self.precision.add(counts(gold, predicted));
        let two_sided = |links: &[IndexLink]| -> Vec<IndexLink> {
            links
                .iter()
                .filter(|(s, t)| !s.is_empty() && !t.is_empty())
                .cloned()
                .collect()
        };
        self.recall.add(counts(&two_sided(predicted), &two_sided(gold)));
    }

    /// The scores of everything added so far.
    pub fn scores(&self) -> Scores {
        let ratio = |tp: u64, fp: u64| {
            if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 }
        };
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
        };
        let ps = ratio(self.precision.tp_strict, self.precision.fp_strict);
        let pl = ratio(self.precision.tp_lax, self.precision.fp_lax);
        let rs = ratio(self.recall.tp_strict, self.recall.fp_strict);
        let rl = ratio(self.recall.tp_lax, self.recall.fp_lax);
        Scores {
            precision_strict: ps,
            recall_strict: rs,
            f1_strict: f1(ps, rs),
            precision_lax: pl,
            recall_lax: rl,
            f1_lax: f1(pl, rl),
        }
    }
}

/// Scores one document: a shortcut for [`Evaluation::add`] and
/// [`Evaluation::scores`].
///
/// ```
/// use tarjama_align::eval::score;
/// let gold = vec![(vec![0], vec![0]), (vec![1], vec![1, 2])];
/// let test = vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![], vec![2])];
/// let s = score(&gold, &test);
/// assert!((s.precision_strict - 1.0 / 3.0).abs() < 1e-9);
/// assert!((s.precision_lax - 2.0 / 3.0).abs() < 1e-9);
/// assert!((s.recall_strict - 0.5).abs() < 1e-9);
/// assert!((s.recall_lax - 1.0).abs() < 1e-9);
/// ```
pub fn score(gold: &[IndexLink], predicted: &[IndexLink]) -> Scores {
    let mut evaluation = Evaluation::new();
    evaluation.add(gold, predicted);
    evaluation.scores()
}

/// vecalign's `_precision`: counts `test` links against `gold` links.
fn counts(gold: &[IndexLink], test: &[IndexLink]) -> Counts {
    let normalize = |links: &[IndexLink]| -> BTreeSet<IndexLink> {
        links
            .iter()
            .filter(|(s, t)| !s.is_empty() || !t.is_empty())
            .map(|(s, t)| {
                let (mut s, mut t) = (s.clone(), t.clone());
                s.sort_unstable();
                t.sort_unstable();
                (s, t)
            })
            .collect()
    };
    let gold = normalize(gold);
    let test = normalize(test);
    let mut src_to_tgt: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for (src, tgt) in &gold {
        for s in src {
            src_to_tgt.entry(*s).or_default().extend(tgt.iter().copied());
        }
    }
    let mut out = Counts::default();
    for link in &test {
        if gold.contains(link) {
            out.tp_strict += 1;
            out.tp_lax += 1;
            continue;
        }
        out.fp_strict += 1;
        let (src, tgt) = link;
        let overlaps = src.iter().any(|s| {
            src_to_tgt
                .get(s)
                .is_some_and(|targets| tgt.iter().any(|t| targets.contains(t)))
        });
        if overlaps {
            out.tp_lax += 1;
        } else {
            out.fp_lax += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &[u32], t: &[u32]) -> IndexLink {
        (s.to_vec(), t.to_vec())
    }

    #[test]
    fn perfect_alignment_scores_one() {
        let gold = vec![l(&[0], &[0]), l(&[1, 2], &[1]), l(&[3], &[])];
        let s = score(&gold, &gold);
        assert_eq!(s.f1_strict, 1.0);
        assert_eq!(s.f1_lax, 1.0);
    }

    #[test]
    fn one_sided_links_count_for_precision_only() {
        let gold = vec![l(&[0], &[0]), l(&[1], &[])];
        let test = vec![l(&[0], &[0]), l(&[], &[1]), l(&[1], &[])];
        let mut e = Evaluation::new();
        e.add(&gold, &test);
        assert_eq!(e.precision.tp_strict, 2);
        assert_eq!(e.precision.fp_strict, 1);
        assert_eq!(e.precision.fp_lax, 1);
        assert_eq!(e.recall.tp_strict, 1);
        assert_eq!(e.recall.fp_strict, 0);
    }

    #[test]
    fn empty_inputs_score_zero() {
        let s = score(&[], &[]);
        assert_eq!(s.f1_strict, 0.0);
    }

    #[test]
    fn parse_round_trip_and_errors() {
        let text = "[0]:[0]\n\n[1, 2]:[1]\r\n[]:[2]\n";
        let links = parse_vecalign(text).unwrap();
        assert_eq!(links.len(), 3);
        assert_eq!(format_vecalign(&links), "[0]:[0]\n[1,2]:[1]\n[]:[2]\n");
        let err = parse_vecalign("[0]:[0]\n[x]:[1]\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: not a sentence index");
        assert!(parse_vecalign("0 0").is_err());
    }
}
