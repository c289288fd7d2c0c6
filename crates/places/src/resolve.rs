//! Resolution of a name, in any script, to a place of a [`Gazetteer`].
//!
//! The stages run in order and the first that finds a place wins:
//!
//! 1. **exact**: the name, case and whitespace folded, is a name of the
//!    place (this is how exonyms such as Aleppo/Halab are joined);
//! 2. **strict**: the strict keys are equal (case, diacritics, ayn/hamza
//!    signs, separators, doubled letters and the article folded);
//! 3. **loose**: the cross-script loose keys are equal and the names'
//!    similarity reaches [`ResolveOptions::loose_floor`];
//! 4. **fuzzy**: the similarity with a name whose loose key starts with
//!    the same letter reaches [`ResolveOptions::threshold`].
//!
//! In the loose and fuzzy stages, a place with a name in the query's
//! script whose skeleton (strict key without vowels, w and y kept) equals
//! the query's ranks first: loose keys and similarity cannot tell "Swayda"
//! (Suwayda) from "Sayda" (Sidon), the skeletons `swyd` and `syd` can.
//!
//! When a stage finds several places, they are all reported as
//! candidates, ranked by score and then by a prior (seat of a higher
//! administrative level, then population); a [`Resolution`] whose top
//! candidates score within [`AMBIGUITY_MARGIN`] of each other is
//! ambiguous. A country filter removes candidates before ranking.

use std::fmt;

use crate::gazetteer::{Gazetteer, NameRef, deletion_variants};
use crate::keying;

/// Candidates scoring within this margin of the best are reported as an
/// ambiguity.
pub const AMBIGUITY_MARGIN: f64 = 0.02;

/// How names are resolved.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ResolveOptions {
    /// Keep only places of this country (ISO 3166-1 alpha-2), if set.
    pub country: Option<String>,
    /// The similarity a fuzzy match needs; by default the threshold of
    /// `tarjama_translit::similarity`.
    pub threshold: f64,
    /// The similarity a loose-key match needs. Loose keys are consonant
    /// skeletons; this floor keeps Daraa and Darayya apart.
    pub loose_floor: f64,
    /// Whether to run the fuzzy stage at all.
    pub fuzzy: bool,
    /// The most candidates a resolution reports.
    pub max_candidates: usize,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions {
            country: None,
            threshold: keying::SIMILARITY_THRESHOLD,
            loose_floor: keying::SIMILARITY_THRESHOLD * 0.75,
            fuzzy: true,
            max_candidates: 5,
        }
    }
}

/// The stage that resolved a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Method {
    /// The name is one of the place's names.
    Exact,
    /// The strict keys are equal.
    Strict,
    /// The loose keys are equal.
    Loose,
    /// The similarity is above the threshold.
    Fuzzy,
}

impl Method {
    /// The method's name as printed by the CLI.
    pub const fn name(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Strict => "strict",
            Method::Loose => "loose",
            Method::Fuzzy => "fuzzy",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One place a name may refer to.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// The place's index in [`Gazetteer::places`].
    pub place: usize,
    /// How well the name matches: 1 for exact and strict matches, the
    /// similarity with the closest name of the place otherwise.
    pub score: f64,
}

/// The outcome of resolving one name.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Resolution {
    /// The stage that found the candidates; `None` when unresolved.
    pub method: Option<Method>,
    /// The candidates, best first (empty when unresolved).
    pub candidates: Vec<Candidate>,
}

impl Resolution {
    /// The best candidate.
    pub fn best(&self) -> Option<&Candidate> {
        self.candidates.first()
    }

    /// Whether more than one place matches (about) equally well.
    pub fn is_ambiguous(&self) -> bool {
        match (self.candidates.first(), self.candidates.get(1)) {
            (Some(a), Some(b)) => {
                (a.score - b.score).abs() <= AMBIGUITY_MARGIN
            }
            _ => false,
        }
    }
}

impl Gazetteer {
    /// Resolves `name` to a place. See the [module docs](self).
    pub fn resolve(&self, name: &str, options: &ResolveOptions) -> Resolution {
        let name = name.trim();
        if name.is_empty() {
            return Resolution::default();
        }
        let stripped = strip_descriptors(name);
        if stripped.len() == name.len() || stripped.is_empty() {
            return self.resolve_stages(name, options, true);
        }
        // "Idlib city", "محافظة حلب": the whole name first (a governorate
        // row carries such names), then the name without the descriptor.
        let whole = self.resolve_stages(name, options, false);
        if whole.method.is_some() {
            return whole;
        }
        self.resolve_stages(stripped, options, true)
    }

    fn resolve_stages(
        &self,
        name: &str,
        options: &ResolveOptions,
        fuzzy_stages: bool,
    ) -> Resolution {
        if let Some(ids) = self.exact.get(&keying::exact(name)) {
            let c = self.rank(
                ids.iter().map(|h| (h.place, 1.0, u8::from(h.main))),
                options,
            );
            if !c.is_empty() {
                return Resolution {
                    method: Some(Method::Exact),
                    candidates: c,
                };
            }
        }
        let strict = keying::strict(name);
        if let Some(ids) = self.strict.get(&strict) {
            let c = self.rank(
                ids.iter().map(|h| (h.place, 1.0, u8::from(h.main))),
                options,
            );
            if !c.is_empty() {
                return Resolution {
                    method: Some(Method::Strict),
                    candidates: c,
                };
            }
        }
        if !fuzzy_stages {
            return Resolution::default();
        }
        let loose = keying::loose(name);
        if let Some(refs) = self.loose.get(&loose) {
            let mut scored: Vec<(u32, f64, u8)> = Vec::new();
            for r in refs {
                let Some(other) = self.name_of(*r) else { continue };
                let score = keying::similarity(name, other);
                if score < options.loose_floor {
                    continue;
                }
                let main = u8::from(self.is_main_name(*r));
                match scored.iter_mut().find(|(p, _, _)| *p == r.place) {
                    Some(entry) => {
                        entry.1 = entry.1.max(score);
                        entry.2 |= main;
                    }
                    None => scored.push((r.place, score, main)),
                }
            }
            self.add_skeleton_evidence(name, &mut scored);
            let c = self.rank(scored, options);
            if !c.is_empty() {
                return Resolution {
                    method: Some(Method::Loose),
                    candidates: c,
                };
            }
        }
        // "ديرالزور": an article fused to the word before it.
        if let Some(split) = split_fused_article(name) {
            let r = self.resolve_stages(&split, options, false);
            if r.method.is_some() {
                return r;
            }
        }
        if options.fuzzy {
            let c = self.fuzzy_candidates(name, &loose, options);
            if !c.is_empty() {
                return Resolution {
                    method: Some(Method::Fuzzy),
                    candidates: c,
                };
            }
        }
        // "والميادين", "بحلب": a name pasted with its proclitics. Only
        // the key stages run on the rest, so a short rest cannot drift.
        for (skip, elided) in crate::tag::proclitic_splits(name) {
            let Some(rest) = name.get(skip..) else { continue };
            let rest =
                if elided { format!("ا{rest}") } else { rest.to_owned() };
            let r = self.resolve_stages(&rest, options, false);
            if r.method.is_some() {
                return r;
            }
        }
        Resolution::default()
    }

    fn fuzzy_candidates(
        &self,
        name: &str,
        loose: &str,
        options: &ResolveOptions,
    ) -> Vec<Candidate> {
        let index = self.fuzzy_index();
        let mut seen: Vec<NameRef> = Vec::new();
        let mut best: Vec<(u32, f64, u8)> = Vec::new();
        for variant in deletion_variants(loose) {
            let Some(refs) = index.by_variant.get(&variant) else { continue };
            for r in refs {
                if seen.contains(r) {
                    continue;
                }
                seen.push(*r);
                let Some(candidate) = self.name_of(*r) else { continue };
                let score = keying::similarity(name, candidate);
                if score < options.threshold {
                    continue;
                }
                let main = u8::from(self.is_main_name(*r));
                match best.iter_mut().find(|(p, _, _)| *p == r.place) {
                    Some(entry) => {
                        entry.1 = entry.1.max(score);
                        entry.2 |= main;
                    }
                    None => best.push((r.place, score, main)),
                }
            }
        }
        self.add_skeleton_evidence(name, &mut best);
        self.rank(best, options)
    }

    /// Key-level matches cannot tell Saida from Swayda (Suwayda): both
    /// loose keys are `sd`, and their similarity is high. When several
    /// places compete, a place with a name in the query's script whose
    /// skeleton (the strict key without vowels, semivowels w and y kept)
    /// equals the query's gets evidence that wins ties: "Swayda" `swyd`
    /// is "Suwayda" `swyd`, not "Sayda" `syd`.
    fn add_skeleton_evidence(
        &self,
        name: &str,
        scored: &mut [(u32, f64, u8)],
    ) {
        if scored.len() < 2 {
            return;
        }
        let query = skeleton(name);
        if query.is_empty() {
            return;
        }
        let arabic = crate::gazetteer::is_arabic(name);
        for entry in scored.iter_mut() {
            let Some(place) = self.place(entry.0 as usize) else { continue };
            let same = place.names().any(|n| {
                crate::gazetteer::is_arabic(n) == arabic
                    && skeleton(n) == query
            });
            if same {
                entry.2 |= 2;
            }
        }
    }

    /// Filters by country and orders candidates by score, then prior,
    /// then id (so the order never depends on hashing).
    fn rank(
        &self,
        scored: impl IntoIterator<Item = (u32, f64, u8)>,
        options: &ResolveOptions,
    ) -> Vec<Candidate> {
        // (candidate, evidence for breaking ties, prior)
        let mut out: Vec<(Candidate, u8, f64)> = Vec::new();
        for (idx, score, main) in scored {
            let Some(place) = self.place(idx as usize) else { continue };
            if let Some(cc) = &options.country {
                if !place.country.eq_ignore_ascii_case(cc) {
                    continue;
                }
            }
            out.push((
                Candidate { place: idx as usize, score },
                main,
                place.prior(),
            ));
        }
        let id_of = |c: &Candidate| self.place(c.place).map(|p| p.id.as_str());
        let by_preference =
            |(a, ma, pa): &(Candidate, u8, f64),
             (b, mb, pb): &(Candidate, u8, f64)| {
                mb.cmp(ma)
                    .then(pb.total_cmp(pa))
                    .then_with(|| id_of(a).cmp(&id_of(b)))
            };
        // Skeleton evidence (see `add_skeleton_evidence`) comes first: a
        // same-script name with the very consonants and semivowels of the
        // query outweighs a higher similarity.
        out.sort_by(|x, y| {
            (y.1 & 2)
                .cmp(&(x.1 & 2))
                .then(y.0.score.total_cmp(&x.0.score))
                .then(by_preference(x, y))
        });
        // Scores within the margin of the best count as a tie. Among tied
        // places, one whose main name (English, Arabic, BGN) matched beats
        // one matched through an alias ("Ariha" is the Syrian town, whose
        // name it is, before Jericho, which has it as an alias); then the
        // prior decides.
        if let Some((top, top_evidence)) =
            out.first().map(|(c, e, _)| (c.score, e & 2))
        {
            let tied = out
                .iter()
                .take_while(|(c, e, _)| {
                    e & 2 == top_evidence
                        && (top - c.score).abs() <= AMBIGUITY_MARGIN
                })
                .count();
            if let Some(group) = out.get_mut(..tied) {
                group.sort_by(by_preference);
            }
        }
        out.truncate(options.max_candidates.max(1));
        out.into_iter().map(|(c, _, _)| c).collect()
    }

    /// Whether a name reference points at a main name of its place.
    fn is_main_name(&self, r: NameRef) -> bool {
        self.place(r.place as usize)
            .is_some_and(|p| r.name < crate::gazetteer::main_name_count(p))
    }
}

/// Generic words that name the kind of place rather than the place:
/// "city", "camp", "province", "مدينة", "محافظة" ...
pub const DESCRIPTORS: &[&str] = &[
    "city",
    "town",
    "village",
    "camp",
    "province",
    "governorate",
    "district",
    "subdistrict",
    "region",
    "area",
    "countryside",
    "refugee",
    "crossing",
    "border",
    "of",
    "the",
    "ville",
    "gouvernorat",
    "مدينة",
    "بلدة",
    "قرية",
    "مخيم",
    "محافظة",
    "منطقة",
    "ناحية",
    "ريف",
    "معبر",
    "قضاء",
];

/// `name` without leading and trailing descriptor words (see
/// [`DESCRIPTORS`]), trimmed.
fn strip_descriptors(name: &str) -> &str {
    let is_descriptor = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty()
            && DESCRIPTORS.iter().any(|d| w.eq_ignore_ascii_case(d) || w == *d)
    };
    let mut rest = name.trim();
    loop {
        let before = rest.len();
        if let Some((first, tail)) = rest.split_once(char::is_whitespace) {
            if is_descriptor(first) {
                rest = tail.trim_start();
            }
        }
        if let Some((head, last)) = rest.rsplit_once(char::is_whitespace) {
            if is_descriptor(last) {
                rest = head.trim_end();
            }
        }
        if rest.len() == before {
            return rest;
        }
    }
}

/// `name` with a space before every article ال that is fused to a
/// preceding Arabic word of at least two letters ("ديرالزور" → "دير
/// الزور"); `None` when there is none.
fn split_fused_article(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let mut changed = false;
    let mut run = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let arabic = ('\u{0621}'..='\u{064A}').contains(&c);
        if c == 'ا'
            && next == Some('ل')
            && run >= 2
            && after.is_some_and(|a| ('\u{0621}'..='\u{064A}').contains(&a))
        {
            out.push(' ');
            changed = true;
            run = 0;
        }
        out.push(c);
        run = if arabic { run + 1 } else { 0 };
    }
    changed.then_some(out)
}

/// The strict key without vowels and weak letters (a e i o u, ا ى ة ء ه,
/// a final -ah/-eh), doubled letters collapsed; w/y and و/ي stay.
fn skeleton(name: &str) -> String {
    let mut key = keying::strict(name);
    // A final -ah/-eh is the teh marbuta, not a consonant h.
    if key.ends_with("ah") || key.ends_with("eh") {
        key.pop();
    }
    let mut out = String::new();
    for c in key.chars() {
        if matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'ا' | 'ى' | 'ة' | 'ء' | 'ه'
        ) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}
