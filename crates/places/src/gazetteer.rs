//! The [`Gazetteer`]: places plus the key indexes that make resolution a
//! few hash lookups.

use crate::hash::FxHashMap;
use std::sync::OnceLock;

use crate::error::PlacesError;
use crate::geonames::{GeoNamesOptions, parse_geonames};
use crate::keying;
use crate::place::Place;
use crate::tag::TagIndex;
use crate::tsv::parse_tsv;

/// The default gazetteer in the TSV format: Syria, Iraq, Lebanon, Jordan,
/// Palestine and the Turkish border towns, built by
/// `scripts/gazetteer/build.py` from GeoNames (CC BY 4.0) and a curation
/// overlay (see `corpus/gazetteer/README.md`).
pub const BUILTIN_TSV: &str =
    include_str!("../../../corpus/gazetteer/places.tsv");

/// A set of places and the indexes used to resolve and tag names.
///
/// Every name of every place (English, Arabic, BGN/PCGN, aliases) is
/// indexed under three keys: its exact form (case and whitespace folded),
/// its strict key and its loose key (`tarjama_translit::keys`). Two more
/// indexes are built on first use: the fuzzy index (every loose key of
/// three letters or more under itself and its one-letter deletions, so
/// the similarity stage only scores names within two edits of the query's
/// key) and the word index used by tagging.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_id: FxHashMap<String, u32>,
    pub(crate) exact: FxHashMap<String, Vec<Hit>>,
    pub(crate) strict: FxHashMap<String, Vec<Hit>>,
    pub(crate) loose: FxHashMap<String, Vec<NameRef>>,
    fuzzy: OnceLock<FuzzyIndex>,
    tag_index: OnceLock<TagIndex>,
}

/// One name of one place: the place's index and the name's position in
/// [`Place::names`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameRef {
    pub(crate) place: u32,
    pub(crate) name: u32,
    /// Whether the name is in Arabic script.
    pub(crate) arabic: bool,
}

impl Gazetteer {
    /// A gazetteer of `places`. Places that share an id are merged: the
    /// first one's fields are kept and the later ones' names are added to
    /// its aliases, so a user's file can extend the default gazetteer.
    pub fn from_places(places: impl IntoIterator<Item = Place>) -> Gazetteer {
        let mut list: Vec<Place> = Vec::new();
        let mut by_id: FxHashMap<String, u32> = FxHashMap::default();
        for place in places {
            if let Some(&idx) = by_id.get(&place.id) {
                if let Some(first) = list.get_mut(idx as usize) {
                    let names: Vec<String> =
                        place.names().map(str::to_owned).collect();
                    for name in names {
                        if !first.names().any(|n| n == name) {
                            first.aliases.push(name);
                        }
                    }
                }
                continue;
            }
            let Ok(idx) = u32::try_from(list.len()) else { break };
            by_id.insert(place.id.clone(), idx);
            list.push(place);
        }
        let mut gazetteer = Gazetteer {
            places: list,
            by_id,
            exact: FxHashMap::default(),
            strict: FxHashMap::default(),
            loose: FxHashMap::default(),
            fuzzy: OnceLock::new(),
            tag_index: OnceLock::new(),
        };
        gazetteer.build_indexes();
        gazetteer
    }

    /// The default gazetteer shipped with tarjama ([`BUILTIN_TSV`]).
    pub fn builtin() -> Result<Gazetteer, PlacesError> {
        Ok(Gazetteer::from_places(parse_tsv(BUILTIN_TSV, "builtin")?))
    }

    /// A gazetteer read from text in the TSV format (see
    /// [`crate::tsv`]); `source` names the text in errors.
    pub fn from_tsv(
        text: &str,
        source: &str,
    ) -> Result<Gazetteer, PlacesError> {
        Ok(Gazetteer::from_places(parse_tsv(text, source)?))
    }

    /// A gazetteer read from a GeoNames dump (see [`crate::geonames`]).
    pub fn from_geonames(
        text: &str,
        source: &str,
    ) -> Result<Gazetteer, PlacesError> {
        let options = GeoNamesOptions::default();
        Ok(Gazetteer::from_places(parse_geonames(text, source, &options)?))
    }

    fn build_indexes(&mut self) {
        // Computing the keys is the bulk of the work: it runs on all
        // cores, in chunks of places; the indexes are then filled in place
        // order, so they do not depend on the number of threads.
        let keyed = key_all(&self.places);
        let mut exact: FxHashMap<String, Vec<Hit>> = FxHashMap::default();
        let mut strict: FxHashMap<String, Vec<Hit>> = FxHashMap::default();
        let mut loose: FxHashMap<String, Vec<NameRef>> = FxHashMap::default();
        for (p_idx, names) in keyed.into_iter().enumerate() {
            let main_count = self.places.get(p_idx).map_or(0, main_name_count);
            let Ok(p_idx) = u32::try_from(p_idx) else { break };
            for (n_idx, keys) in names.into_iter().enumerate() {
                let Ok(n_idx) = u32::try_from(n_idx) else { break };
                let NameKeys { exact: e, strict: s, loose: l, arabic } = keys;
                let main = n_idx < main_count;
                push_unique(&mut exact, e, Hit { place: p_idx, main });
                push_unique(&mut strict, s, Hit { place: p_idx, main });
                if l.is_empty() {
                    continue;
                }
                // One name per place, key and script: similarity is
                // scored against a name in the query's script when the
                // place has one.
                let name_ref = NameRef { place: p_idx, name: n_idx, arabic };
                let refs = loose.entry(l).or_default();
                if !refs.iter().any(|r| r.place == p_idx && r.arabic == arabic)
                {
                    refs.push(name_ref);
                }
            }
        }
        self.exact = exact;
        self.strict = strict;
        self.loose = loose;
    }

    /// All places, in the order they were given.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place at `index` (an index into [`Gazetteer::places`]).
    pub fn place(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }

    /// The index of the place with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&i| i as usize)
    }

    /// The place with id `id`.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.index_of(id).and_then(|i| self.places.get(i))
    }

    /// The name a [`NameRef`] points to.
    pub(crate) fn name_of(&self, r: NameRef) -> Option<&str> {
        self.places.get(r.place as usize)?.names().nth(r.name as usize)
    }

    /// The fuzzy index, built on first use.
    pub(crate) fn fuzzy_index(&self) -> &FuzzyIndex {
        self.fuzzy.get_or_init(|| FuzzyIndex::build(self))
    }

    /// The word index used by tagging, built on first use.
    pub(crate) fn tag_index(&self) -> &TagIndex {
        self.tag_index.get_or_init(|| TagIndex::build(self))
    }
}

fn push_unique(map: &mut FxHashMap<String, Vec<Hit>>, key: String, hit: Hit) {
    if key.is_empty() {
        return;
    }
    let hits = map.entry(key).or_default();
    match hits.iter_mut().find(|h| h.place == hit.place) {
        Some(old) => old.main |= hit.main,
        None => hits.push(hit),
    }
}

/// How many of [`Place::names`] are main names (English, Arabic,
/// BGN/PCGN) rather than aliases.
pub(crate) fn main_name_count(place: &Place) -> u32 {
    [&place.name_en, &place.name_ar, &place.name_bgn]
        .iter()
        .filter(|n| !n.is_empty())
        .count() as u32
}

/// A place found under a key, and whether one of its main names (not only
/// an alias) has that key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) place: u32,
    pub(crate) main: bool,
}

/// Loose keys of three letters or more, each under itself and its
/// one-letter deletions (a symmetric-deletion index: two keys within one
/// deletion each of a common string meet under it).
#[derive(Debug, Default)]
pub(crate) struct FuzzyIndex {
    pub(crate) by_variant: FxHashMap<String, Vec<NameRef>>,
}

/// The shortest loose key the fuzzy stage looks at.
pub(crate) const FUZZY_MIN_KEY: usize = 3;

impl FuzzyIndex {
    fn build(gazetteer: &Gazetteer) -> FuzzyIndex {
        let mut by_variant: FxHashMap<String, Vec<NameRef>> =
            FxHashMap::default();
        let mut keys: Vec<(&String, &Vec<NameRef>)> =
            gazetteer.loose.iter().collect();
        // Insertion order decides candidate order; keep it stable.
        keys.sort_by(|a, b| a.0.cmp(b.0));
        for (key, refs) in keys {
            for variant in deletion_variants(key) {
                let list = by_variant.entry(variant).or_default();
                for r in refs {
                    if !list.contains(r) {
                        list.push(*r);
                    }
                }
            }
        }
        FuzzyIndex { by_variant }
    }
}

/// `key` and every string made by deleting one of its characters, when
/// `key` has at least [`FUZZY_MIN_KEY`] characters; else nothing.
pub(crate) fn deletion_variants(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < FUZZY_MIN_KEY {
        return Vec::new();
    }
    let mut out = vec![key.to_owned()];
    for skip in 0..chars.len() {
        let v: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Whether `name` has Arabic-script letters.
pub(crate) fn is_arabic(name: &str) -> bool {
    name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The keys of one name.
struct NameKeys {
    exact: String,
    strict: String,
    loose: String,
    arabic: bool,
}

fn key_place(place: &Place) -> Vec<NameKeys> {
    place
        .names()
        .map(|name| NameKeys {
            exact: keying::exact(name),
            strict: keying::strict(name),
            loose: keying::loose(name),
            arabic: is_arabic(name),
        })
        .collect()
}

/// The keys of every name of every place, in order, computed on up to
/// `available_parallelism` threads.
fn key_all(places: &[Place]) -> Vec<Vec<NameKeys>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(8);
    if threads <= 1 || places.len() < 2_000 {
        return places.iter().map(key_place).collect();
    }
    let chunk = places.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = places
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter().map(key_place).collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(places.len());
        for (handle, part) in handles.into_iter().zip(places.chunks(chunk)) {
            match handle.join() {
                Ok(keys) => out.extend(keys),
                // A thread cannot panic here (keys never panic); should
                // one fail anyway, its chunk is keyed on this thread.
                Err(_) => out.extend(part.iter().map(key_place)),
            }
        }
        out
    })
}
