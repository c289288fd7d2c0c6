//! Banded dynamic programming over bead types: Viterbi for the best
//! path, forward–backward for the posterior probability of each bead on
//! it. Memory and time are linear in the document length times the band
//! width.

use crate::model::{MOVES, PairMask, Scorer};

/// For each source position `i` (0..=n), the inclusive range of target
/// positions searched.
#[derive(Clone, Debug)]
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
    m: usize,
}

impl Band {
    /// A band of half-width `width` around `centers` (one per source
    /// position, non-decreasing, `centers[0] = 0`, `centers[n] = m`),
    /// widened so that a path from (0, 0) to (n, m) always exists.
    pub(crate) fn around(centers: &[usize], width: usize, m: usize) -> Band {
        let n1 = centers.len();
        let mut lo: Vec<usize> =
            centers.iter().map(|&c| c.saturating_sub(width).min(m)).collect();
        let mut hi: Vec<usize> =
            centers.iter().map(|&c| c.saturating_add(width).min(m)).collect();
        if let Some(first) = lo.first_mut() {
            *first = 0;
        }
        if let Some(last) = hi.last_mut() {
            *last = m;
        }
        // lo non-decreasing from the end, hi non-decreasing from the
        // start, and each row reaching the next row's lo.
        for i in (0..n1.saturating_sub(1)).rev() {
            let next = lo.get(i + 1).copied().unwrap_or(m);
            if let Some(l) = lo.get_mut(i) {
                *l = (*l).min(next);
            }
        }
        for i in 1..n1 {
            let prev = hi.get(i - 1).copied().unwrap_or(0);
            if let Some(h) = hi.get_mut(i) {
                *h = (*h).max(prev);
            }
        }
        for i in 0..n1.saturating_sub(1) {
            let next_lo = lo.get(i + 1).copied().unwrap_or(0);
            if let Some(h) = hi.get_mut(i) {
                *h = (*h).max(next_lo);
            }
        }
        let mut start = Vec::with_capacity(n1 + 1);
        let mut total = 0;
        for (l, h) in lo.iter().zip(&hi) {
            start.push(total);
            total += h + 1 - l;
        }
        start.push(total);
        Band { lo, hi, start, m }
    }

    /// The number of cells.
    pub(crate) fn cells(&self) -> usize {
        self.start.last().copied().unwrap_or(0)
    }

    #[inline]
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let lo = *self.lo.get(i)?;
        let hi = *self.hi.get(i)?;
        if j < lo || j > hi {
            return None;
        }
        Some(self.start.get(i)? + (j - lo))
    }

    /// Row `i`'s `(lo, hi, index of (i, lo))`.
    #[inline]
    fn span(&self, i: usize) -> Option<Span> {
        Some(Span {
            lo: *self.lo.get(i)?,
            hi: *self.hi.get(i)?,
            start: *self.start.get(i)?,
        })
    }

    fn row(&self, i: usize) -> (usize, usize) {
        (
            self.lo.get(i).copied().unwrap_or(0),
            self.hi.get(i).copied().unwrap_or(0),
        )
    }

    /// Whether `(i, j)` lies on an edge of the band that is not an edge
    /// of the whole matrix (the path may have wanted to go further).
    fn on_soft_edge(&self, i: usize, j: usize) -> bool {
        let (lo, hi) = self.row(i);
        (j == lo && lo > 0) || (j == hi && hi < self.m)
    }
}

/// One row of a band: the cells `lo..=hi`, stored from `start`.
#[derive(Clone, Copy, Debug)]
struct Span {
    lo: usize,
    hi: usize,
    start: usize,
}

impl Span {
    /// The index of column `j`, when the row holds it.
    #[inline]
    fn index(self, j: usize) -> Option<usize> {
        (self.lo <= j && j <= self.hi).then(|| self.start + (j - self.lo))
    }
}

/// One bead of the best path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Bead {
    pub(crate) i: usize,
    pub(crate) j: usize,
    pub(crate) di: usize,
    pub(crate) dj: usize,
    /// The bead's cost (prior minus evidence).
    pub(crate) cost: f32,
    /// Posterior probability of this bead (forward–backward).
    pub(crate) posterior: f32,
}

/// The result of one banded run.
pub(crate) struct Solution {
    pub(crate) beads: Vec<Bead>,
    /// The path touched a soft edge of the band.
    pub(crate) touched_edge: bool,
}

/// `ln(sum(exp(terms)))`, with one logarithm.
#[inline]
fn log_sum(terms: &[f32; 8]) -> f32 {
    let top = terms.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if top == f32::NEG_INFINITY {
        return top;
    }
    let mut sum = 0.0;
    for &t in terms {
        let d = t - top;
        // Below e^-20 a term does not change an f32 sum.
        if d > -20.0 {
            sum += d.exp();
        }
    }
    top + sum.ln()
}

#[cfg(test)]
#[inline]
fn log_add(a: f32, b: f32) -> f32 {
    if a == f32::NEG_INFINITY {
        return b;
    }
    if b == f32::NEG_INFINITY {
        return a;
    }
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    // Below e^-20 the smaller term does not change an f32 sum.
    if lo - hi < -20.0 {
        return hi;
    }
    // libm's log1pf is several times slower than logf.
    hi + (1.0 + (lo - hi).exp()).ln()
}

/// The bead costs of every cell searched so far, by the cell the bead
/// ends in, in [`MOVES`] order. Costs do not depend on the band, so the
/// passes that recentre or widen it, and forward–backward, compute each
/// cell's costs once; a row grows to cover the union of the bands.
pub(crate) struct CostCache {
    rows: Vec<CachedRow>,
}

/// The cached costs of one source position: cells `lo..lo + len`.
struct CachedRow {
    lo: usize,
    costs: Vec<[f32; 8]>,
}

impl CostCache {
    /// An empty cache for source positions `0..=n`.
    pub(crate) fn new(n: usize) -> CostCache {
        CostCache {
            rows: (0..=n)
                .map(|_| CachedRow { lo: 0, costs: Vec::new() })
                .collect(),
        }
    }

    /// Computes the costs of the cells of `band` not cached yet.
    pub(crate) fn cover(&mut self, scorer: &Scorer<'_>, band: &Band) {
        let mut block = PairBlock::default();
        for (i, row) in self.rows.iter_mut().enumerate() {
            let (lo, hi) = band.row(i);
            if row.costs.is_empty() {
                block.fill(scorer, i, lo, hi);
                row.lo = lo;
                row.costs = (lo..=hi)
                    .map(|j| cell_costs(scorer, i, j, &block))
                    .collect();
                continue;
            }
            if lo < row.lo {
                block.fill(scorer, i, lo, row.lo - 1);
                let mut grown: Vec<[f32; 8]> =
                    Vec::with_capacity(row.lo - lo + row.costs.len());
                grown.extend(
                    (lo..row.lo).map(|j| cell_costs(scorer, i, j, &block)),
                );
                grown.extend_from_slice(&row.costs);
                row.costs = grown;
                row.lo = lo;
            }
            let end = row.lo + row.costs.len();
            if hi >= end {
                block.fill(scorer, i, end, hi);
                row.costs.reserve_exact(hi + 1 - end);
                row.costs.extend(
                    (end..=hi).map(|j| cell_costs(scorer, i, j, &block)),
                );
            }
        }
    }

    /// Row `i`'s first cached column and cached costs.
    #[inline]
    fn row(&self, i: usize) -> (usize, &[[f32; 8]]) {
        self.rows
            .get(i)
            .map_or((0, &[][..]), |row| (row.lo, row.costs.as_slice()))
    }

    /// The cached costs of the beads ending in `(i, j)`.
    #[inline]
    fn get(&self, i: usize, j: usize) -> Option<&[f32; 8]> {
        let row = self.rows.get(i)?;
        row.costs.get(j.checked_sub(row.lo)?)
    }

    /// The cost of bead `mv` ending in `(i, j)` (infinite when unknown).
    #[inline]
    fn cost(&self, i: usize, j: usize, mv: usize) -> f32 {
        self.get(i, j)
            .and_then(|c| c.get(mv))
            .copied()
            .unwrap_or(f32::INFINITY)
    }
}

/// The expectation masks of the sentence pairs that the beads ending in
/// one row's cells `lo..=hi` use: sources `i-3..i`, targets
/// `lo-3..hi`. Each pair is computed once per row instead of once per
/// bead that contains it.
#[derive(Default)]
struct PairBlock {
    s0: usize,
    t0: usize,
    width: usize,
    masks: Vec<PairMask>,
}

impl PairBlock {
    fn fill(&mut self, scorer: &Scorer<'_>, i: usize, lo: usize, hi: usize) {
        self.s0 = i.saturating_sub(3);
        self.t0 = lo.saturating_sub(3);
        self.width = hi.saturating_sub(self.t0);
        self.masks.clear();
        for s in self.s0..i {
            for t in self.t0..self.t0 + self.width {
                self.masks.push(scorer.pair_mask(s, t));
            }
        }
    }

    #[inline]
    fn get(&self, s: usize, t: usize) -> Option<PairMask> {
        let (ds, dt) = (s.checked_sub(self.s0)?, t.checked_sub(self.t0)?);
        if dt >= self.width {
            return None;
        }
        self.masks.get(ds * self.width + dt).copied()
    }
}

/// The costs of the beads ending in `(i, j)`, infinite for moves that
/// are not allowed or would start outside the matrix.
fn cell_costs(
    scorer: &Scorer<'_>,
    i: usize,
    j: usize,
    block: &PairBlock,
) -> [f32; 8] {
    let masks = |s: usize, t: usize| {
        block.get(s, t).unwrap_or_else(|| scorer.pair_mask(s, t))
    };
    let mut out = [f32::INFINITY; 8];
    for (mv, (slot, &(di, dj))) in out.iter_mut().zip(&MOVES).enumerate() {
        if !scorer.allowed.get(mv).copied().unwrap_or(false) {
            continue;
        }
        if let (Some(pi), Some(pj)) = (i.checked_sub(di), j.checked_sub(dj)) {
            *slot = scorer.cost_with(mv, pi, pj, masks);
        }
    }
    out
}

/// Buffers of [`solve`], kept from one pass to the next so that a pass
/// does not map and clear fresh memory.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    best: Vec<f32>,
    back: Vec<u8>,
}

/// Runs Viterbi inside `band`, and forward–backward for the posteriors
/// when `posteriors` (otherwise every posterior is 0). `cache` must
/// cover `band` (see [`CostCache::cover`]).
pub(crate) fn solve(
    cache: &CostCache,
    scratch: &mut Scratch,
    n: usize,
    m: usize,
    band: &Band,
    temperature: f32,
    posteriors: bool,
) -> Solution {
    let cells = band.cells();
    let Scratch { best, back } = scratch;
    best.clear();
    best.resize(cells, f32::INFINITY);
    back.clear();
    back.resize(cells, u8::MAX);
    let mut fwd = vec![f32::NEG_INFINITY; if posteriors { cells } else { 0 }];
    let inv_t = 1.0 / temperature.max(1e-3);
    if let Some(idx) = band.index(0, 0) {
        if let Some(b) = best.get_mut(idx) {
            *b = 0.0;
        }
        if let Some(f) = fwd.get_mut(idx) {
            *f = 0.0;
        }
    }
    let no_costs = [f32::INFINITY; 8];
    for i in 0..=n {
        let (lo, hi) = band.row(i);
        // The rows a bead ending in row `i` starts in, `d` rows up.
        let prev_rows: [Option<Span>; 4] = std::array::from_fn(|d| {
            i.checked_sub(d).and_then(|p| band.span(p))
        });
        let this_row = band.span(i);
        let (cache_lo, cache_row) = cache.row(i);
        for j in lo..=hi {
            let Some(here) = this_row.and_then(|span| span.index(j)) else {
                continue;
            };
            if i == 0 && j == 0 {
                continue;
            }
            let cell_costs = j
                .checked_sub(cache_lo)
                .and_then(|k| cache_row.get(k))
                .unwrap_or(&no_costs);
            let mut cell_best = f32::INFINITY;
            let mut cell_move = u8::MAX;
            // Forward terms, summed with one logarithm at the end.
            let mut terms = [f32::NEG_INFINITY; 8];
            for (mv, (&(di, dj), &cost)) in
                MOVES.iter().zip(cell_costs).enumerate()
            {
                if !cost.is_finite() {
                    continue;
                }
                let (Some(span), Some(pj)) =
                    (prev_rows.get(di).copied().flatten(), j.checked_sub(dj))
                else {
                    continue;
                };
                let Some(prev) = span.index(pj) else { continue };
                let prev_best =
                    best.get(prev).copied().unwrap_or(f32::INFINITY);
                if prev_best == f32::INFINITY {
                    continue;
                }
                let total = prev_best + cost;
                if total < cell_best {
                    cell_best = total;
                    cell_move = mv as u8;
                }
                if posteriors {
                    let prev_fwd =
                        fwd.get(prev).copied().unwrap_or(f32::NEG_INFINITY);
                    if let Some(term) = terms.get_mut(mv) {
                        *term = prev_fwd - cost * inv_t;
                    }
                }
            }
            if let Some(b) = best.get_mut(here) {
                *b = cell_best;
            }
            if let Some(b) = back.get_mut(here) {
                *b = cell_move;
            }
            if posteriors {
                if let Some(f) = fwd.get_mut(here) {
                    *f = log_sum(&terms);
                }
            }
        }
    }
    // Trace back the best path.
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    let mut touched_edge = false;
    while i > 0 || j > 0 {
        let Some(idx) = band.index(i, j) else { break };
        if band.on_soft_edge(i, j) {
            touched_edge = true;
        }
        let mv = back.get(idx).copied().unwrap_or(u8::MAX) as usize;
        let Some(&(di, dj)) = MOVES.get(mv) else { break };
        let (pi, pj) = (i - di, j - dj);
        path.push(Bead {
            i: pi,
            j: pj,
            di,
            dj,
            cost: cache.cost(i, j, mv),
            posterior: 0.0,
        });
        i = pi;
        j = pj;
    }
    path.reverse();
    if !posteriors {
        return Solution { beads: path, touched_edge };
    }
    // Backward pass.
    // The Viterbi scores are done with: their buffer holds the backward
    // scores.
    let bwd = best;
    bwd.fill(f32::NEG_INFINITY);
    if let Some(idx) = band.index(n, m) {
        if let Some(b) = bwd.get_mut(idx) {
            *b = 0.0;
        }
    }
    for i in (0..=n).rev() {
        let (lo, hi) = band.row(i);
        // The rows a bead starting in row `i` ends in, `d` rows down.
        let next_rows: [Option<Span>; 4] =
            std::array::from_fn(|d| band.span(i + d));
        for j in (lo..=hi).rev() {
            if i == n && j == m {
                continue;
            }
            let Some(here) = band.index(i, j) else { continue };
            if fwd.get(here).copied().unwrap_or(f32::NEG_INFINITY)
                == f32::NEG_INFINITY
            {
                continue;
            }
            let mut terms = [f32::NEG_INFINITY; 8];
            for (mv, &(di, dj)) in MOVES.iter().enumerate() {
                let Some(next) = next_rows
                    .get(di)
                    .copied()
                    .flatten()
                    .and_then(|span| span.index(j + dj))
                else {
                    continue;
                };
                let next_bwd =
                    bwd.get(next).copied().unwrap_or(f32::NEG_INFINITY);
                if next_bwd == f32::NEG_INFINITY {
                    continue;
                }
                let cost = cache.cost(i + di, j + dj, mv);
                if let Some(term) = terms.get_mut(mv) {
                    *term = next_bwd - cost * inv_t;
                }
            }
            let acc = log_sum(&terms);
            if let Some(b) = bwd.get_mut(here) {
                *b = acc;
            }
        }
    }
    let total = band
        .index(n, m)
        .and_then(|idx| fwd.get(idx).copied())
        .unwrap_or(f32::NEG_INFINITY);
    for bead in &mut path {
        let f = band
            .index(bead.i, bead.j)
            .and_then(|idx| fwd.get(idx).copied())
            .unwrap_or(f32::NEG_INFINITY);
        let b = band
            .index(bead.i + bead.di, bead.j + bead.dj)
            .and_then(|idx| bwd.get(idx).copied())
            .unwrap_or(f32::NEG_INFINITY);
        let log_post = f - bead.cost * inv_t + b - total;
        bead.posterior = if log_post.is_finite() {
            log_post.exp().clamp(0.0, 1.0)
        } else {
            0.0
        };
    }
    Solution { beads: path, touched_edge }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_is_connected_and_covers_corners() {
        let centers = [0, 0, 5, 9, 10];
        let band = Band::around(&centers, 1, 10);
        assert_eq!(band.row(0).0, 0);
        assert_eq!(band.row(4).1, 10);
        for i in 0..4 {
            assert!(band.row(i).1 >= band.row(i + 1).0);
        }
        assert!(band.index(4, 10).is_some());
        assert!(band.index(0, 5).is_none());
    }

    #[test]
    fn cached_costs_equal_direct_costs() {
        use crate::features::{Script, extract};
        use crate::model::{LengthModel, Params, Priors, Weights};
        let ar = [
            "زار وفد من UNICEF مدينة الرقة يوم 12 آذار.",
            "وقال إن المشروع سينتهي في 2024.",
            "هل هناك NGOs أخرى؟",
            "شكرا.",
            "التقى الوفد بممثلين عن WHO و UNHCR.",
        ];
        let en = [
            "A UNICEF delegation visited Raqqa on 12 March.",
            "He said the project would end in 2024.",
            "Are there other NGOs?",
            "Thanks.",
            "The delegation met WHO representatives.",
            "It also met UNHCR.",
        ];
        let src: Vec<_> =
            ar.iter().map(|t| extract(t, Script::Arabic, None)).collect();
        let tgt: Vec<_> =
            en.iter().map(|t| extract(t, Script::Latin, None)).collect();
        let params = Params {
            length: LengthModel::DEFAULT,
            priors: Priors::DEFAULT,
            weights: Weights::DEFAULT,
            anchors: true,
            max_group: 3,
        };
        let scorer = Scorer::new(&src, &tgt, &[], &params);
        let (n, m) = (src.len(), tgt.len());
        let mut cache = CostCache::new(n);
        // Two overlapping bands: the second grows rows on both sides.
        let narrow = Band::around(&[0, 1, 2, 4, 5, 6], 1, m);
        let wide = Band::around(&[0, 1, 2, 4, 5, 6], 3, m);
        cache.cover(&scorer, &narrow);
        cache.cover(&scorer, &wide);
        let mut anchored = 0;
        for i in 0..=n {
            let (lo, hi) = wide.row(i);
            for j in lo..=hi {
                for (mv, &(di, dj)) in MOVES.iter().enumerate() {
                    let direct = match (i.checked_sub(di), j.checked_sub(dj)) {
                        (Some(pi), Some(pj)) => scorer.cost(mv, pi, pj),
                        _ => f32::INFINITY,
                    };
                    assert_eq!(
                        cache.cost(i, j, mv).to_bits(),
                        direct.to_bits(),
                        "({i}, {j}) move {mv}"
                    );
                    anchored += usize::from(direct.is_finite());
                }
            }
        }
        assert!(anchored > 50, "{anchored}");
        // Expectations were found (the masks are not all empty).
        assert_ne!(scorer.pair_mask(0, 0).0, 0);
        assert_ne!(scorer.pair_mask(4, 4).0, 0);
    }

    #[test]
    fn log_sum_matches_pairwise() {
        let mut terms = [f32::NEG_INFINITY; 8];
        assert_eq!(log_sum(&terms), f32::NEG_INFINITY);
        terms[0] = -1.0;
        terms[3] = -2.5;
        terms[7] = -400.0;
        let pairwise = log_add(log_add(-1.0, -2.5), -400.0);
        assert!((log_sum(&terms) - pairwise).abs() < 1e-5);
    }

    #[test]
    fn log_add_is_stable() {
        assert!((log_add(0.0, 0.0) - 2f32.ln()).abs() < 1e-6);
        assert_eq!(log_add(f32::NEG_INFINITY, -3.0), -3.0);
        assert!((log_add(-1000.0, 0.0)).abs() < 1e-6);
    }
}
