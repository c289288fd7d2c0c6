//! The cost of a bead (a group of source sentences paired with a group
//! of target sentences): a prior on the bead type plus the evidence that
//! the two groups translate each other, as a log-likelihood ratio
//! against "unrelated" — length in the Gale–Church family and anchors.

use crate::features::{
    Features, Kind, P_BULLET, P_COLON, P_EXCLAIM, P_PAREN, P_PERCENT,
    P_QUESTION, P_QUOTE, bloom_may_contain,
};

/// The bead types the dynamic programme considers, as (source count,
/// target count). The order is the order of [`Priors`].
pub(crate) const MOVES: [(usize, usize); 8] =
    [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)];

/// Prior probabilities of the bead types, in [`MOVES`] order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Priors(pub(crate) [f64; 8]);

impl Priors {
    /// Priors for translated news and interviews: mostly 1-1, merges and
    /// splits common, one-sided sentences rare.
    pub(crate) const DEFAULT: Priors =
        Priors([0.86, 0.012, 0.012, 0.045, 0.045, 0.01, 0.008, 0.008]);

    /// `-ln p` for each type.
    pub(crate) fn costs(&self) -> [f32; 8] {
        let mut out = [0.0f32; 8];
        for (cost, p) in out.iter_mut().zip(self.0) {
            *cost = -(p.max(1e-9).ln()) as f32;
        }
        out
    }

    /// Re-estimates the priors from observed bead counts, shrunk towards
    /// `self` with `strength` pseudo-counts.
    pub(crate) fn reestimate(
        &self,
        counts: &[f64; 8],
        strength: f64,
    ) -> Priors {
        let total: f64 = counts.iter().sum::<f64>() + strength;
        let mut out = [0.0; 8];
        for ((o, &c), &p) in out.iter_mut().zip(counts).zip(&self.0) {
            *o = (c + strength * p) / total;
        }
        Priors(out)
    }
}

/// A length model in the Gale–Church family, on the log ratio of the
/// two lengths: under "translation" `x = ln((lt/c + 1)/(ls + 1))` is
/// normal with variance `s2 / mean_len + floor` (a mixture with a wide
/// component for the heavy tail); under "unrelated" it is normal with
/// the variance of the difference of two independent log lengths.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LengthModel {
    /// Expected target/source length ratio `c`.
    pub(crate) ratio: f32,
    /// Variance per character (Gale–Church's `s²`, in log-ratio terms).
    pub(crate) s2: f32,
    /// Variance floor for long sentences.
    pub(crate) floor: f32,
    /// Variance of the log ratio of unrelated sentences.
    pub(crate) random_var: f32,
    /// `ln(random_var) / 2`.
    pub(crate) random_half_ln: f32,
}

impl LengthModel {
    /// Arabic–English (and the default for unknown pairs): fitted on
    /// FLORES-200 dev, not on the test data.
    pub(crate) const DEFAULT: LengthModel = LengthModel {
        ratio: 1.08,
        s2: 1.2,
        floor: 0.01,
        random_var: 0.68,
        // ln(0.68) / 2
        random_half_ln: -0.192_83,
    };

    /// The log-likelihood ratio (nats) of lengths `ls`, `lt` under
    /// "translation" against "unrelated".
    #[cfg(test)]
    pub(crate) fn llr(&self, ls: f32, lt: f32) -> f32 {
        let x = ((lt + self.ratio) / self.ratio / (ls + 1.0)).ln();
        self.llr_of(x, ls + lt / self.ratio)
    }

    /// [`LengthModel::llr`] from the log ratio `x` and the summed
    /// (scaled) length `both = ls + lt / c`.
    #[inline]
    pub(crate) fn llr_of(&self, x: f32, both: f32) -> f32 {
        let var = self.variance(both);
        self.llr_with(x, 1.0 / var, 0.5 * var.ln())
    }

    /// The variance of the log ratio of translations of total length
    /// `both`.
    #[inline]
    fn variance(&self, both: f32) -> f32 {
        self.s2 / (0.5 * both + 1.0) + self.floor
    }

    /// The log-likelihood ratio given `1 / var` and `ln(var) / 2`.
    #[inline]
    fn llr_with(&self, x: f32, inv_var: f32, half_ln_var: f32) -> f32 {
        let x2 = x * x;
        // Student t with 4 degrees of freedom (scaled to variance
        // `var`): Gale–Church's normal with a heavier tail, for the
        // free translations that a normal would call impossible.
        let matched =
            -2.5 * fast_ln(1.0 + 0.5 * x2 * inv_var) - half_ln_var + 0.285;
        let random = -0.5 * x2 / self.random_var - self.random_half_ln;
        matched - random
    }
}

/// Natural logarithm for `x >= 1e-30`, to about 1e-5: exponent from
/// the bits, `ln` of the mantissa from the `atanh` series. The hot loop
/// calls it millions of times; libm's `logf` dominated the profile.
#[inline]
pub(crate) fn fast_ln(x: f32) -> f32 {
    let bits = x.max(1e-30).to_bits();
    let exponent = ((bits >> 23) & 0xff) as i32 - 127;
    let mantissa = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    let t = (mantissa - 1.0) / (mantissa + 1.0);
    let t2 = t * t;
    let series = t * (2.0 + t2 * (2.0 / 3.0 + t2 * (0.4 + t2 * (2.0 / 7.0))));
    exponent as f32 * std::f32::consts::LN_2 + series
}

/// The cost of a one-sided link for an aside (caption, pull quote,
/// boilerplate): `-ln 0.3`.
const ASIDE_ALONE: f32 = 1.2;

/// Weights (nats) of the anchor evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Weights {
    pub(crate) number_hit: f32,
    pub(crate) number_miss: f32,
    pub(crate) expect_hit: f32,
    pub(crate) expect_miss: f32,
    pub(crate) punct_agree: f32,
    pub(crate) punct_disagree: f32,
    pub(crate) question: f32,
    pub(crate) dict_hit: f32,
    pub(crate) dict_miss: f32,
}

impl Weights {
    pub(crate) const DEFAULT: Weights = Weights {
        number_hit: 2.5,
        number_miss: 1.0,
        expect_hit: 2.0,
        expect_miss: 0.4,
        punct_agree: 0.5,
        punct_disagree: 0.5,
        question: 1.5,
        dict_hit: 0.6,
        dict_miss: 0.1,
    };
}

/// Everything that decides bead costs for one sentence-alignment run.
#[derive(Clone, Debug)]
pub(crate) struct Params {
    pub(crate) length: LengthModel,
    pub(crate) priors: Priors,
    pub(crate) weights: Weights,
    pub(crate) anchors: bool,
    /// Largest group on one side (2 or 3).
    pub(crate) max_group: usize,
}

/// Costs of beads over fixed source and target features.
pub(crate) struct Scorer<'a> {
    pub(crate) src: &'a [Features],
    pub(crate) tgt: &'a [Features],
    /// Dictionary evidence: for each source sentence, for each word with
    /// an entry, the hashes of its translations.
    pub(crate) dict: &'a [Vec<Vec<u64>>],
    length: LengthModel,
    prior_costs: [f32; 8],
    weights: Weights,
    anchors: bool,
    pub(crate) allowed: [bool; 8],
    /// For each source position, the summed length of the groups of 1,
    /// 2 and 3 sentences starting there, and `ln(sum + 1)`.
    src_sums: Vec<[(f32, f32); 3]>,
    /// The same for the target, scaled by `1 / c`, with `ln(sum/c + 1)`.
    tgt_sums: Vec<[(f32, f32); 3]>,
    /// For each source position, summaries of the groups of 1, 2 and 3
    /// sentences starting there.
    src_groups: Vec<[Group; 3]>,
    /// The same for the target.
    tgt_groups: Vec<[Group; 3]>,
    /// `1 / var` and `ln(var) / 2` of the length model by whole total
    /// length.
    var_table: Vec<(f32, f32)>,
}

/// Group sums of lengths (scaled by `1 / scale`) and their logs.
fn group_sums(feats: &[Features], scale: f32) -> Vec<[(f32, f32); 3]> {
    let mut out = Vec::with_capacity(feats.len());
    for start in 0..feats.len() {
        let mut entry = [(0.0f32, 0.0f32); 3];
        let mut sum = 0.0;
        for (d, slot) in entry.iter_mut().enumerate() {
            if let Some(f) = feats.get(start + d) {
                sum += f.len / scale;
                *slot = (sum, (sum + 1.0).ln());
            } else {
                *slot = (f32::NAN, f32::NAN);
            }
        }
        out.push(entry);
    }
    out
}

/// What the anchor evidence needs to know of a group of consecutive
/// sentences, summed once instead of for every bead.
#[derive(Clone, Copy, Debug, Default)]
struct Group {
    /// Any sentence has an anchor or structure at all.
    anchored: bool,
    /// Union of the punctuation bits.
    punct: u8,
    /// Numbers in the group (at most 24 a sentence).
    numbers: u8,
    /// Expectations in the group (at most 24 a sentence).
    expect: u8,
    /// Block ends before the last sentence.
    inner_ends: u8,
}

/// Summaries of the groups of 1, 2 and 3 sentences starting at each
/// position (groups running past the end are left empty; no bead uses
/// them).
fn group_summaries(feats: &[Features]) -> Vec<[Group; 3]> {
    let mut out = Vec::with_capacity(feats.len());
    for start in 0..feats.len() {
        let mut entry = [Group::default(); 3];
        let mut acc = Group::default();
        let mut last_end = false;
        for (d, slot) in entry.iter_mut().enumerate() {
            let Some(f) = feats.get(start + d) else { break };
            let count = |len: usize| u8::try_from(len).unwrap_or(u8::MAX);
            acc.inner_ends += u8::from(last_end);
            acc.anchored |= anchored(f);
            acc.punct |= f.punct;
            acc.numbers = acc.numbers.saturating_add(count(f.numbers.len()));
            acc.expect = acc.expect.saturating_add(count(f.expect.len()));
            last_end = f.block_end;
            *slot = acc;
        }
        out.push(entry);
    }
    out
}

fn anchored(f: &Features) -> bool {
    !f.numbers.is_empty()
        || !f.expect.is_empty()
        || f.punct != 0
        || f.block_end
        || f.kind != Kind::Paragraph
}

impl<'a> Scorer<'a> {
    pub(crate) fn new(
        src: &'a [Features],
        tgt: &'a [Features],
        dict: &'a [Vec<Vec<u64>>],
        params: &Params,
    ) -> Scorer<'a> {
        let mut allowed = [true; 8];
        for (ok, &(di, dj)) in allowed.iter_mut().zip(&MOVES) {
            *ok = di <= params.max_group && dj <= params.max_group;
        }
        let ratio = params.length.ratio.max(1e-3);
        Scorer {
            src,
            tgt,
            dict,
            src_sums: group_sums(src, 1.0),
            tgt_sums: group_sums(tgt, ratio),
            src_groups: group_summaries(src),
            tgt_groups: group_summaries(tgt),
            var_table: (0..4096)
                .map(|both| {
                    let var = params.length.variance(both as f32 + 0.5);
                    (1.0 / var, 0.5 * var.ln())
                })
                .collect(),
            length: params.length,
            prior_costs: params.priors.costs(),
            weights: params.weights,
            anchors: params.anchors,
            allowed,
        }
    }

    /// The cost of pairing source `i..i+di` with target `j..j+dj`, where
    /// `mv` is the index of `(di, dj)` in [`MOVES`]. Infinite when out
    /// of range.
    #[cfg(test)]
    pub(crate) fn cost(&self, mv: usize, i: usize, j: usize) -> f32 {
        self.cost_with(mv, i, j, |s, t| self.pair_mask(s, t))
    }

    /// Which expectations of source `s` the pool of target `t` holds
    /// (bit `k` for expectation `k`), and the same the other way.
    pub(crate) fn pair_mask(&self, s: usize, t: usize) -> PairMask {
        match (self.src.get(s), self.tgt.get(t)) {
            (Some(a), Some(b)) => (found_mask(a, b), found_mask(b, a)),
            _ => (0, 0),
        }
    }

    /// [`Scorer::cost`] with the expectation masks of sentence pairs
    /// from `masks` (see [`Scorer::pair_mask`]), which the caller may
    /// have computed once for many beads.
    #[inline]
    pub(crate) fn cost_with(
        &self,
        mv: usize,
        i: usize,
        j: usize,
        masks: impl Fn(usize, usize) -> PairMask,
    ) -> f32 {
        let Some(&(di, dj)) = MOVES.get(mv) else { return f32::INFINITY };
        let (Some(src), Some(tgt)) =
            (self.src.get(i..i + di), self.tgt.get(j..j + dj))
        else {
            return f32::INFINITY;
        };
        let prior = self.prior_costs.get(mv).copied().unwrap_or(f32::INFINITY);
        if di == 0 || dj == 0 {
            // A caption, pull quote or boilerplate line often has no
            // counterpart: leaving it out is cheap.
            let aside = self.anchors
                && src.iter().chain(tgt).all(|f| f.kind.is_aside());
            return if aside { prior.min(ASIDE_ALONE) } else { prior };
        }
        let (Some(&(ls, lns)), Some(&(lt, lnt))) = (
            self.src_sums.get(i).and_then(|e| e.get(di - 1)),
            self.tgt_sums.get(j).and_then(|e| e.get(dj - 1)),
        ) else {
            return f32::INFINITY;
        };
        let both = ls + lt;
        let mut llr = match self.var_table.get(both as usize) {
            Some(&(inv_var, half_ln_var)) => {
                self.length.llr_with(lnt - lns, inv_var, half_ln_var)
            }
            None => self.length.llr_of(lnt - lns, both),
        };
        if self.anchors {
            let (Some(gs), Some(gt)) = (
                self.src_groups.get(i).and_then(|e| e.get(di - 1)),
                self.tgt_groups.get(j).and_then(|e| e.get(dj - 1)),
            ) else {
                return f32::INFINITY;
            };
            if !self.dict.is_empty() || gs.anchored || gt.anchored {
                llr += self.anchor_evidence(src, tgt, gs, gt, i, j, masks);
            }
        }
        prior - llr
    }

    /// The log-likelihood ratio from anchors and structure that `src`
    /// and `tgt` translate each other.
    #[allow(clippy::too_many_arguments)]
    fn anchor_evidence(
        &self,
        src: &[Features],
        tgt: &[Features],
        gs: &Group,
        gt: &Group,
        src_start: usize,
        tgt_start: usize,
        masks: impl Fn(usize, usize) -> PairMask,
    ) -> f32 {
        let inner_ends =
            usize::from(gs.inner_ends) + usize::from(gt.inner_ends);
        let mut llr = structure(src, tgt, inner_ends);
        let w = &self.weights;
        // Numbers: a multiset comparison.
        let (hits, total) = if gs.numbers == 0 || gt.numbers == 0 {
            (0, usize::from(gs.numbers) + usize::from(gt.numbers))
        } else {
            multiset_hits(src, tgt)
        };
        if total > 0 {
            let misses = total - 2 * hits;
            llr += w.number_hit * hits.min(6) as f32
                - w.number_miss * misses.min(6) as f32;
        }
        // Expectations of each side against the other side's pool.
        let (n1, n2) = (usize::from(gs.expect), usize::from(gt.expect));
        let (mut h1, mut h2) = (0u32, 0u32);
        for (a, f) in src.iter().enumerate() {
            if n1 == 0 {
                break;
            }
            if f.expect.is_empty() {
                continue;
            }
            let found = (0..tgt.len())
                .fold(0, |acc, b| acc | masks(src_start + a, tgt_start + b).0);
            h1 += found.count_ones();
        }
        for (b, f) in tgt.iter().enumerate() {
            if n2 == 0 {
                break;
            }
            if f.expect.is_empty() {
                continue;
            }
            let found = (0..src.len())
                .fold(0, |acc, a| acc | masks(src_start + a, tgt_start + b).1);
            h2 += found.count_ones();
        }
        let (h1, h2) = (h1 as usize, h2 as usize);
        let (m1, m2) = (n1.saturating_sub(h1), n2.saturating_sub(h2));
        llr += w.expect_hit * (h1 + h2).min(6) as f32
            - w.expect_miss * (m1 + m2).min(6) as f32;
        // Punctuation.
        let (ps, pt) = (gs.punct, gt.punct);
        for bit in [P_EXCLAIM, P_QUOTE, P_PAREN, P_COLON, P_PERCENT, P_BULLET]
        {
            match (ps & bit != 0, pt & bit != 0) {
                (true, true) => llr += w.punct_agree,
                (false, false) => {}
                _ => llr -= w.punct_disagree,
            }
        }
        match (ps & P_QUESTION != 0, pt & P_QUESTION != 0) {
            (true, true) => llr += w.question,
            (false, false) => {}
            _ => llr -= w.question,
        }
        if !self.dict.is_empty() {
            let (hits, misses) = self.dict_hits(src_start, src.len(), tgt);
            llr += w.dict_hit * hits.min(12) as f32
                - w.dict_miss * misses.min(12) as f32;
        }
        llr
    }

    fn dict_hits(
        &self,
        start: usize,
        count: usize,
        tgt: &[Features],
    ) -> (usize, usize) {
        let (mut hits, mut misses) = (0, 0);
        let Some(entries) = self.dict.get(start..start + count) else {
            return (0, 0);
        };
        for alternatives in entries.iter().flatten() {
            let found = alternatives
                .iter()
                .any(|h| tgt.iter().any(|t| t.words.binary_search(h).is_ok()));
            if found {
                hits += 1;
            } else {
                misses += 1;
            }
        }
        (hits, misses)
    }
}

/// Evidence from document structure: block kinds that agree or clash,
/// block ends that coincide, groups that straddle a block boundary.
fn structure(src: &[Features], tgt: &[Features], inner_ends: usize) -> f32 {
    let (Some(s0), Some(t0), Some(s_last), Some(t_last)) =
        (src.first(), tgt.first(), src.last(), tgt.last())
    else {
        return 0.0;
    };
    let mut llr = 0.0;
    llr -= 2.0 * inner_ends as f32;
    match (s_last.block_end, t_last.block_end) {
        (true, true) => llr += 0.7,
        (false, false) => {}
        _ => llr -= 0.7,
    }
    let (a, b) = (s0.kind, t0.kind);
    if a.is_aside() || b.is_aside() {
        // Captions and pull quotes of the two versions usually translate
        // each other; sites write their boilerplate (related links,
        // sharing, newsletters) independently, so a pair of boilerplate
        // lines needs anchors of its own.
        llr += match (a == b, a) {
            (true, Kind::Boilerplate) => -3.0,
            (true, _) => 1.0,
            (false, _) => -8.0,
        };
    } else if a == b {
        if matches!(a, Kind::Title | Kind::Question) {
            llr += 1.0;
        }
    } else if a != Kind::Paragraph && b != Kind::Paragraph {
        llr -= 2.5;
    }
    llr
}

/// Copies the numbers of a group into a small sorted buffer.
fn gather(group: &[Features], buf: &mut [u64; 16]) -> usize {
    let mut n = 0;
    for value in group.iter().flat_map(|f| f.numbers.iter()) {
        if let Some(slot) = buf.get_mut(n) {
            *slot = *value;
            n += 1;
        }
    }
    if let Some(filled) = buf.get_mut(..n) {
        filled.sort_unstable();
    }
    n
}

/// Matched numbers between the two groups (as multisets), and the total
/// count on both sides.
fn multiset_hits(src: &[Features], tgt: &[Features]) -> (usize, usize) {
    let total_src: usize = src.iter().map(|f| f.numbers.len()).sum();
    let total_tgt: usize = tgt.iter().map(|f| f.numbers.len()).sum();
    if total_src == 0 || total_tgt == 0 {
        return (0, total_src + total_tgt);
    }
    let (mut a, mut b) = ([0u64; 16], [0u64; 16]);
    let na = gather(src, &mut a);
    let nb = gather(tgt, &mut b);
    let (a, b) = (a.get(..na).unwrap_or(&[]), b.get(..nb).unwrap_or(&[]));
    let (mut x, mut y, mut hits) = (0, 0, 0);
    while let (Some(&u), Some(&v)) = (a.get(x), b.get(y)) {
        match u.cmp(&v) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                hits += 1;
                x += 1;
                y += 1;
            }
        }
    }
    (hits, total_src + total_tgt)
}

/// Expectation masks of a sentence pair: `(source's expectations
/// found in the target's pool, target's found in the source's)`.
pub(crate) type PairMask = (u32, u32);

/// Bit `k` is set when `from`'s expectation `k` is in `to`'s pool
/// (expectations are capped at 24 a sentence).
fn found_mask(from: &Features, to: &Features) -> u32 {
    if to.pool.is_empty() {
        return 0;
    }
    let mut mask = 0;
    for (k, value) in from.expect.iter().take(32).enumerate() {
        if bloom_may_contain(&to.pool_sig, *value)
            && to.pool.binary_search(value).is_ok()
        {
            mask |= 1 << k;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_llr_prefers_matching_lengths() {
        let model = LengthModel::DEFAULT;
        let good = model.llr(100.0, 108.0);
        let bad = model.llr(100.0, 40.0);
        assert!(good > 0.5, "{good}");
        assert!(bad < -2.0, "{bad}");
        assert!(model.llr(0.0, 0.0).is_finite());
        assert!(model.llr(1e6, 0.0).is_finite());
    }

    #[test]
    fn fast_ln_is_close() {
        for x in [1e-6f32, 0.5, 1.0, 1.5, 2.0, 10.0, 1234.5, 1e9] {
            assert!(
                (fast_ln(x) - x.ln()).abs() < 2e-5 * (1.0 + x.ln().abs()),
                "{x}"
            );
        }
    }

    #[test]
    fn priors_reestimate_and_normalize() {
        let p = Priors::DEFAULT
            .reestimate(&[90.0, 0.0, 0.0, 5.0, 5.0, 0.0, 0.0, 0.0], 20.0);
        let sum: f64 = p.0.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(p.0[1] > 0.0);
    }
}
