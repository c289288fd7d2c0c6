//! Grouping spellings of the same place gathered from many sources.
//!
//! Every distinct spelling is resolved against the gazetteer; spellings
//! that resolve to the same place form one group, named by the place's
//! English spelling. Spellings that do not resolve join a resolved group
//! when their strict or loose key equals the key of one of its spellings,
//! and otherwise cluster among themselves: same strict key, same loose key
//! or a similarity at or above the threshold (single link). Such a group
//! is named by its most frequent spelling (ties: the smallest string).

use std::collections::BTreeMap;

use crate::gazetteer::Gazetteer;
use crate::keying;
use crate::resolve::{Method, ResolveOptions};

/// One spelling of a cluster and where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Spelling {
    /// The spelling as written (trimmed).
    pub text: String,
    /// How many times it was seen.
    pub count: usize,
    /// How many times each source used it.
    pub sources: BTreeMap<String, usize>,
}

/// A group of spellings of one place.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Cluster {
    /// The canonical spelling: the gazetteer's English name when the group
    /// resolved, else the most frequent spelling.
    pub canonical: String,
    /// The resolved place's index in [`Gazetteer::places`].
    pub place: Option<usize>,
    /// How the place was found (the best method among the spellings).
    pub method: Option<Method>,
    /// The spellings, most frequent first.
    pub spellings: Vec<Spelling>,
    /// How many mentions each source contributed.
    pub sources: BTreeMap<String, usize>,
    /// The total number of mentions.
    pub count: usize,
}

/// Clusters `(source, spelling)` pairs. Blank spellings are skipped.
/// Clusters come out largest first (ties: canonical spelling order).
pub fn cluster<'a>(
    gazetteer: &Gazetteer,
    items: impl IntoIterator<Item = (&'a str, &'a str)>,
    options: &ResolveOptions,
) -> Vec<Cluster> {
    // Distinct spellings with their per-source counts, in a stable order.
    let mut spellings: BTreeMap<String, BTreeMap<String, usize>> =
        BTreeMap::new();
    for (source, text) in items {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        *spellings
            .entry(text.to_owned())
            .or_default()
            .entry(source.to_owned())
            .or_default() += 1;
    }
    let texts: Vec<String> = spellings.keys().cloned().collect();
    let n = texts.len();
    let strict: Vec<String> =
        texts.iter().map(|t| keying::strict(t)).collect();
    let loose: Vec<String> = texts.iter().map(|t| keying::loose(t)).collect();
    let resolved: Vec<Option<(usize, Method)>> = texts
        .iter()
        .map(|t| {
            let r = gazetteer.resolve(t, options);
            Some((r.best()?.place, r.method?))
        })
        .collect();
    let mut uf = UnionFind::new(n);
    // Resolved spellings: by place.
    let mut by_place: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, r) in resolved.iter().enumerate() {
        if let Some((place, _)) = r {
            match by_place.get(place) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_place.insert(*place, i);
                }
            }
        }
    }
    // Unresolved spellings: join by equal keys (to resolved ones too),
    // then by similarity among the unresolved.
    let mut by_strict: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_loose: BTreeMap<&str, usize> = BTreeMap::new();
    for i in 0..n {
        let (Some(sk), Some(lk)) = (strict.get(i), loose.get(i)) else {
            continue;
        };
        let is_resolved = resolved.get(i).is_some_and(Option::is_some);
        for (map, key) in [(&mut by_strict, sk), (&mut by_loose, lk)] {
            if key.is_empty() {
                continue;
            }
            match map.get(key.as_str()) {
                Some(&j) => {
                    let other_resolved =
                        resolved.get(j).is_some_and(Option::is_some);
                    // Two resolved spellings are never merged by keys: the
                    // gazetteer has already said which place each is.
                    if !(is_resolved && other_resolved) {
                        uf.union(i, j);
                    }
                }
                None => {
                    map.insert(key.as_str(), i);
                }
            }
        }
    }
    let unresolved: Vec<usize> = (0..n)
        .filter(|&i| resolved.get(i).is_some_and(Option::is_none))
        .collect();
    for (a_pos, &a) in unresolved.iter().enumerate() {
        for &b in unresolved.iter().skip(a_pos + 1) {
            if uf.find(a) == uf.find(b) {
                continue;
            }
            let (Some(ta), Some(tb)) = (texts.get(a), texts.get(b)) else {
                continue;
            };
            if keying::similarity(ta, tb) >= options.threshold {
                uf.union(a, b);
            }
        }
    }
    // A group that took in spellings of two places through an unresolved
    // bridge keeps them apart: each place stays its own cluster.
    let mut groups: BTreeMap<(usize, Option<usize>), Vec<usize>> =
        BTreeMap::new();
    for i in 0..n {
        let root = uf.find(i);
        let place = resolved.get(i).and_then(|r| r.map(|(p, _)| p));
        groups.entry((root, place)).or_default().push(i);
    }
    // Unresolved members go to the resolved group of their root when there
    // is exactly one.
    let mut places_of_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (root, place) in groups.keys() {
        if let Some(p) = place {
            places_of_root.entry(*root).or_default().push(*p);
        }
    }
    let mut merged: BTreeMap<(usize, Option<usize>), Vec<usize>> =
        BTreeMap::new();
    for ((root, place), members) in groups {
        let target = match (place, places_of_root.get(&root)) {
            (None, Some(ps)) if ps.len() == 1 => ps.first().copied(),
            _ => place,
        };
        merged.entry((root, target)).or_default().extend(members);
    }
    let mut clusters: Vec<Cluster> = merged
        .into_iter()
        .map(|((_, place), members)| {
            build_cluster(
                gazetteer, place, &members, &texts, &spellings, &resolved,
            )
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| a.canonical.cmp(&b.canonical))
    });
    clusters
}

fn build_cluster(
    gazetteer: &Gazetteer,
    place: Option<usize>,
    members: &[usize],
    texts: &[String],
    spellings: &BTreeMap<String, BTreeMap<String, usize>>,
    resolved: &[Option<(usize, Method)>],
) -> Cluster {
    let mut list: Vec<Spelling> = Vec::new();
    let mut sources: BTreeMap<String, usize> = BTreeMap::new();
    let mut method: Option<Method> = None;
    for &i in members {
        let Some(text) = texts.get(i) else { continue };
        let per_source = spellings.get(text).cloned().unwrap_or_default();
        let count = per_source.values().sum();
        for (s, c) in &per_source {
            *sources.entry(s.clone()).or_default() += c;
        }
        if let Some(Some((p, m))) = resolved.get(i) {
            if Some(*p) == place {
                method = Some(method.map_or(*m, |old| old.min(*m)));
            }
        }
        list.push(Spelling { text: text.clone(), count, sources: per_source });
    }
    list.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text))
    });
    let count = list.iter().map(|s| s.count).sum();
    let canonical = place
        .and_then(|p| gazetteer.place(p))
        .map(|p| p.name_en.clone())
        .or_else(|| list.first().map(|s| s.text.clone()))
        .unwrap_or_default();
    Cluster { canonical, place, method, spellings: list, sources, count }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller root wins, so the result does not depend on order.
        let (keep, drop) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(drop) {
            *slot = keep;
        }
    }
}

/// Parses CSV records `source,name` (RFC 4180 quoting; a first record
/// `source,name` is a header and skipped). A record without exactly two
/// fields is an error naming `origin` and the line.
pub fn parse_source_csv(
    text: &str,
    origin: &str,
) -> Result<Vec<(String, String)>, crate::PlacesError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (idx, record) in reader.records().enumerate() {
        let line = |pos: Option<&csv::Position>| {
            pos.map_or(idx + 1, |p| usize::try_from(p.line()).unwrap_or(0))
        };
        let record = record.map_err(|e| {
            crate::PlacesError::malformed(
                origin,
                line(e.position()),
                format!("bad CSV: {e}"),
            )
        })?;
        let line_no = line(record.position());
        let (Some(source), Some(name), None) =
            (record.get(0), record.get(1), record.get(2))
        else {
            return Err(crate::PlacesError::malformed(
                origin,
                line_no,
                format!("{} fields, expected 2 (source,name)", record.len()),
            ));
        };
        if idx == 0 && source.trim() == "source" && name.trim() == "name" {
            continue;
        }
        out.push((source.trim().to_owned(), name.to_owned()));
    }
    Ok(out)
}
