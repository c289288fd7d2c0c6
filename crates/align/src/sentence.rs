//! Sentence alignment of two sentence lists: a first banded pass with
//! the language-pair length model, re-estimation of the model from that
//! pass's confident links, and a second pass.

use crate::diag::Diagnostic;
use crate::dp::{Band, Bead, CostCache, Scratch, solve};
use crate::features::Features;
use crate::model::{MOVES, Params, Scorer};

/// Settings of one sentence-alignment run.
#[derive(Clone, Debug)]
pub(crate) struct RunSettings {
    pub(crate) params: Params,
    /// Adapt the length model and priors to the document (two passes).
    pub(crate) adapt: bool,
    /// Initial half-width of the band, in sentences.
    pub(crate) band: usize,
    /// Documents whose sides both have at most this many sentences are
    /// searched without a band.
    pub(crate) full_search_below: usize,
    /// Largest number of DP cells (memory is about 41 bytes a cell,
    /// the cost cache included).
    pub(crate) max_cells: usize,
    /// Forward–backward temperature.
    pub(crate) temperature: f32,
}

/// Aligns `src` to `tgt`; `dict` holds the dictionary evidence of each
/// source sentence (or is empty).
pub(crate) fn align(
    src: &[Features],
    tgt: &[Features],
    dict: &[Vec<Vec<u64>>],
    settings: &RunSettings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        return one_sided(n, m);
    }
    let mut params = settings.params.clone();
    let total_src: f32 = src.iter().map(|f| f.len).sum();
    let total_tgt: f32 = tgt.iter().map(|f| f.len).sum();
    if settings.adapt && total_src > 0.0 && total_tgt > 0.0 {
        // The document's own length ratio, trusted in proportion to its
        // size and kept within a factor of two of the language pair's.
        let prior = params.length.ratio.max(1e-3);
        let doc = total_tgt / total_src;
        let weight = ((total_src + total_tgt) / 4000.0).min(0.8);
        let blended = (weight * doc.ln() + (1.0 - weight) * prior.ln()).exp();
        params.length.ratio = blended.clamp(prior * 0.5, prior * 2.0);
    }
    let final_pass = !settings.adapt || n + m < 24;
    let sides = Sides { src, tgt, dict };
    let small =
        n <= settings.full_search_below && m <= settings.full_search_below;
    if small {
        let full = n.max(m);
        let first = banded(
            &sides,
            &params,
            settings,
            Start::Lengths,
            full,
            0,
            final_pass,
            diagnostics,
        );
        if final_pass {
            return first;
        }
        let adapted = reestimate(&first, src, tgt, &params);
        return banded(
            &sides,
            &adapted,
            settings,
            Start::Lengths,
            full,
            0,
            true,
            &mut Vec::new(),
        );
    }
    // Long documents, coarse to fine: align chunks of CHUNK sentences by
    // length alone (cheap, and wide enough for any drift), then search a
    // narrow band around the chunk path with the full model, recentring
    // the band where the path touches its edge.
    let located = coarse_path(src, tgt, &params, settings, diagnostics);
    let narrow = (settings.band / 2).max(4);
    banded(
        &sides,
        &params,
        settings,
        Start::Path(&located),
        narrow,
        4,
        true,
        diagnostics,
    )
}

/// Sentences per chunk in the coarse pass of long documents.
const CHUNK: usize = 8;

/// Sums the lengths of consecutive runs of `CHUNK` sentences.
fn chunks(feats: &[Features]) -> Vec<Features> {
    feats
        .chunks(CHUNK)
        .map(|c| Features {
            len: c.iter().map(|f| f.len).sum(),
            ..Features::default()
        })
        .collect()
}

/// A rough sentence-level path from a length-only alignment of chunks:
/// each chunk bead becomes one bead over the sentences it covers.
fn coarse_path(
    src: &[Features],
    tgt: &[Features],
    params: &Params,
    settings: &RunSettings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Bead> {
    let (src_chunks, tgt_chunks) = (chunks(src), chunks(tgt));
    let mut coarse = params.clone();
    coarse.anchors = false;
    coarse.max_group = 2;
    let sides = Sides { src: &src_chunks, tgt: &tgt_chunks, dict: &[] };
    let beads = banded(
        &sides,
        &coarse,
        settings,
        Start::Lengths,
        settings.band,
        4,
        false,
        diagnostics,
    );
    let (n, m) = (src.len(), tgt.len());
    beads
        .iter()
        .map(|b| {
            let i = (b.i * CHUNK).min(n);
            let j = (b.j * CHUNK).min(m);
            Bead {
                i,
                j,
                di: ((b.i + b.di) * CHUNK).min(n) - i,
                dj: ((b.j + b.dj) * CHUNK).min(m) - j,
                cost: b.cost,
                posterior: b.posterior,
            }
        })
        .collect()
}

fn one_sided(n: usize, m: usize) -> Vec<Bead> {
    let src = (0..n).map(|i| Bead {
        i,
        j: 0,
        di: 1,
        dj: 0,
        cost: 0.0,
        posterior: 1.0,
    });
    let tgt = (0..m).map(|j| Bead {
        i: 0,
        j,
        di: 0,
        dj: 1,
        cost: 0.0,
        posterior: 1.0,
    });
    src.chain(tgt).collect()
}

/// Band centres from cumulative lengths: the target position whose
/// share of the target text equals source position `i`'s share of the
/// source text. Merges and splits keep lengths, so this tracks them.
fn centers(src: &[Features], tgt: &[Features]) -> Vec<usize> {
    let total_src: f64 = src.iter().map(|f| f64::from(f.len) + 1.0).sum();
    let total_tgt: f64 = tgt.iter().map(|f| f64::from(f.len) + 1.0).sum();
    let mut out = Vec::with_capacity(src.len() + 1);
    let mut cum_src = 0.0;
    let mut j = 0;
    let mut cum_tgt = 0.0;
    out.push(0);
    for f in src {
        cum_src += f64::from(f.len) + 1.0;
        let want = cum_src / total_src * total_tgt;
        while let Some(t) = tgt.get(j) {
            let next = cum_tgt + f64::from(t.len) + 1.0;
            // Step while the next boundary is closer to the target.
            if (next - want).abs() <= (cum_tgt - want).abs() {
                cum_tgt = next;
                j += 1;
            } else {
                break;
            }
        }
        out.push(j);
    }
    if let Some(last) = out.last_mut() {
        *last = tgt.len();
    }
    out
}

/// The path's target position at each source position (the first node
/// of the path on that row), to centre a later band on.
fn path_centres(beads: &[Bead], n: usize, m: usize) -> Vec<usize> {
    let mut out = vec![usize::MAX; n + 1];
    for bead in beads {
        if let Some(c) = out.get_mut(bead.i) {
            if *c == usize::MAX {
                *c = bead.j;
            }
        }
    }
    let mut last = 0;
    for c in &mut out {
        if *c == usize::MAX {
            *c = last;
        }
        last = *c;
    }
    if let Some(c) = out.last_mut() {
        *c = m;
    }
    out
}

/// The two sides of a run and the dictionary evidence.
struct Sides<'a> {
    src: &'a [Features],
    tgt: &'a [Features],
    dict: &'a [Vec<Vec<u64>>],
}

/// Where a band starts: around the cumulative-length diagonal, or
/// around an earlier path.
#[derive(Clone, Copy)]
enum Start<'a> {
    Lengths,
    Path(&'a [Bead]),
}

/// One banded search: recentres the band on the path found while the
/// path touches the band's edge (up to `recentre` times), then doubles
/// the width, within the cell limit.
#[allow(clippy::too_many_arguments)]
fn banded(
    sides: &Sides<'_>,
    params: &Params,
    settings: &RunSettings,
    start: Start<'_>,
    mut width: usize,
    recentre: usize,
    posteriors: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Bead> {
    let (src, tgt) = (sides.src, sides.tgt);
    let (n, m) = (src.len(), tgt.len());
    let scorer = Scorer::new(src, tgt, sides.dict, params);
    let mut cache = CostCache::new(n);
    let mut scratch = Scratch::default();
    let full = n.max(m);
    let mut centres = match start {
        Start::Lengths => centers(src, tgt),
        Start::Path(beads) => path_centres(beads, n, m),
    };
    let mut recentred = 0;
    loop {
        let band = Band::around(&centres, width, m);
        // Search with Viterbi alone until the band holds the path; the
        // posteriors (forward–backward, twice the work) are computed once,
        // on the final band, where Viterbi gives the same path again.
        cache.cover(&scorer, &band);
        let solution = solve(
            &cache,
            &mut scratch,
            n,
            m,
            &band,
            settings.temperature,
            false,
        );
        let settled = !solution.touched_edge || width >= full;
        let wider = Band::around(&centres, width * 2, m);
        let stuck =
            recentred >= recentre && wider.cells() > settings.max_cells;
        if settled || stuck {
            if stuck && !settled {
                diagnostics.push(Diagnostic::warning(
                    "band-limit",
                    format!(
                        "the best path touches the search band (half-width \
                         {width}) and a wider band would exceed the memory \
                         limit; the alignment may be off in places"
                    ),
                ));
            }
            if !posteriors {
                return solution.beads;
            }
            return solve(
                &cache,
                &mut scratch,
                n,
                m,
                &band,
                settings.temperature,
                true,
            )
            .beads;
        }
        // First move the band onto the path found (the drift of the
        // first guess is the usual reason for touching its edge); widen
        // only when that does not help.
        if recentred < recentre {
            recentred += 1;
            centres = path_centres(&solution.beads, n, m);
            continue;
        }
        width *= 2;
        recentred = 0;
        centres = path_centres(&solution.beads, n, m);
    }
}

/// Re-estimates the length model and the bead priors from the confident
/// beads of a first pass, shrunk towards the starting values.
fn reestimate(
    beads: &[Bead],
    src: &[Features],
    tgt: &[Features],
    params: &Params,
) -> Params {
    let mut out = params.clone();
    let mut counts = [0.0f64; 8];
    for bead in beads {
        if let Some(k) = MOVES.iter().position(|&mv| mv == (bead.di, bead.dj))
        {
            if let Some(c) = counts.get_mut(k) {
                *c += 1.0;
            }
        }
    }
    out.priors = params.priors.reestimate(&counts, 60.0);
    let model = params.length;
    let (mut sum_scale, mut count) = (0.0f64, 0.0f64);
    let (mut len_src, mut len_tgt) = (0.0f64, 0.0f64);
    for bead in beads {
        // Confident: a 1-1 bead whose evidence outweighs its prior.
        if (bead.di, bead.dj) != (1, 1) || bead.cost > 0.0 {
            continue;
        }
        let (Some(s), Some(t)) = (src.get(bead.i), tgt.get(bead.j)) else {
            continue;
        };
        len_src += f64::from(s.len);
        len_tgt += f64::from(t.len);
        let lt = t.len / model.ratio;
        let x = ((lt + 1.0) / (s.len + 1.0)).ln();
        let var = model.s2 / (0.5 * (s.len + lt) + 1.0) + model.floor;
        let z2 = f64::from(x * x / var);
        // Outliers belong to the tail component; leave them out.
        if z2 < 9.0 {
            sum_scale += z2;
            count += 1.0;
        }
    }
    if count > 0.0 {
        // A truncated normal at 3 sigma has variance 0.973.
        let scale = sum_scale / count / 0.973;
        let shrunk = (scale * count + 30.0) / (count + 30.0);
        let shrunk = shrunk.clamp(0.25, 4.0) as f32;
        out.length.s2 *= shrunk;
        out.length.floor *= shrunk;
    }
    if len_src > 500.0 && len_tgt > 500.0 {
        out.length.ratio = (len_tgt / len_src) as f32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(lens: &[f32]) -> Vec<Features> {
        lens.iter()
            .map(|&len| Features { len, ..Features::default() })
            .collect()
    }

    #[test]
    fn centers_follow_cumulative_length() {
        let src = feats(&[10.0, 10.0, 20.0]);
        let tgt = feats(&[10.0, 10.0, 10.0, 10.0]);
        let c = centers(&src, &tgt);
        assert_eq!(c.first(), Some(&0));
        assert_eq!(c.last(), Some(&4));
        assert!(c.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn one_sided_documents_give_deletions() {
        let beads = one_sided(2, 1);
        assert_eq!(beads.len(), 3);
        assert_eq!((beads[2].di, beads[2].dj), (0, 1));
    }
}
