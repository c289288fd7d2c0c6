//! Finding place mentions in running Arabic and English text.
//!
//! The text is cut into words and every word is keyed once with
//! `tarjama_translit::keys::for_each_word_key` (strict level: the article,
//! case, diacritics and separators folded). The key of a multi-word name
//! is the concatenation of its words' keys, so a window of words matches a
//! name when the concatenated keys are a key of the tag index. At each
//! word the longest window (up to the longest name) is tried first.
//!
//! - Arabic proclitics: a word starting with و or ف, then ب, ل or ك, is
//!   also tried without them ("والميادين", "بدير الزور", "وحلب"); ل before
//!   an article whose alef is dropped ("للرقة") is read as ل + الرقة. The
//!   span of the mention leaves the proclitics out.
//! - Latin article words ("al", "el", "ez" of "Deir ez Zor") have an empty
//!   key, so "al Raqqa" and "Raqqa" match the same name; a window may
//!   start with an article word (it is then part of the span) but not end
//!   with one.
//! - A Latin window must start with a word that has a capital letter, so
//!   common words that happen to spell a place ("hit", "tell") in running
//!   English are left alone.
//! - A name shared by places in several countries (أريحا: Ariha in Idlib,
//!   Jericho) goes to the country of most of the text's unambiguous
//!   mentions, when it can; else, as for any tie, a place whose main name
//!   matched wins over an alias match, then the prior (seat, population).
//!   The CLI tags line by line, so there "the text" is one line.
//! - Single words that are common Arabic or English words and also place
//!   names ([`DEFAULT_STOP_WORDS`]) are not tagged alone.

use crate::hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use tarjama_translit::keys::{Level, for_each_word_key, strict_key_into};

use crate::gazetteer::Gazetteer;
use crate::keying;
use crate::place::{Convention, Place};

/// Words that are place names but, standing alone, are far more often
/// common words: Arabic صور "pictures" (Tyre), بلد "country" (Balad),
/// الباب "the door" (al-Bab), التل "the hill" (al-Tall), English "Hit".
/// They are still tagged inside longer names.
pub const DEFAULT_STOP_WORDS: &[&str] = &[
    "صور",
    "الصور",
    "بلد",
    "الباب",
    "التل",
    "نوى",
    "كسب",
    "الحي",
    "المدينة",
    "العلم",
    "الرياض",
    "الحمزة",
    "الكرامة",
    "المنصورة",
    "الجلاء",
    "الشجرة",
    "المزرعة",
    "الزيارة",
    "الروضة",
    "الحمراء",
    "حيان",
    "الناصرة",
    "الشام",
    "شين",
    "عوج",
    "ملح",
    "جبا",
    "السودا",
    "تل",
    "الغارية",
    "القاسم",
    "الهندية",
    "الدور",
    "العوجة",
    "سلمان",
    "بنان",
    "الحاجب",
    "قنوات",
    "الجزيرة",
    "جديدة",
    "السوداء",
    "جاوا",
    "الحميدية",
    "عقبة",
    "الصفا",
    "النصر",
    "الاتحاد",
    "الجيزة",
    "البيرة",
    "الشيخان",
    "الشرقية",
    "hit",
    "tell",
    "sour",
    "sur",
    "ana",
    "mare",
    "rai",
    "tal",
    "sham",
    "balad",
    "dana",
    "hol",
    "safi",
    "jaber",
    "rehab",
    "suf",
    "the",
    "khalil",
];

/// How text is tagged.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TagOptions {
    /// Keep only places of this country, if set.
    pub country: Option<String>,
    /// Single words never tagged alone (compared case-folded).
    pub stop_words: Vec<String>,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions {
            country: None,
            stop_words: DEFAULT_STOP_WORDS
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
        }
    }
}

/// One place mention in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mention {
    /// The byte range of the mention in the text (proclitics left out).
    pub span: Range<usize>,
    /// The place's index in [`Gazetteer::places`].
    pub place: usize,
    /// Whether the span starts with an article whose alef a proclitic ل
    /// has swallowed ("للرقة": the span is "لرقة").
    pub elided_alef: bool,
}

impl Mention {
    /// The text of the mention.
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// The word index: strict keys of every name, and the keys that start a
/// name (to skip words quickly).
#[derive(Debug, Default)]
pub(crate) struct TagIndex {
    /// Key of a whole name → (place, whether it is a main name).
    names: FxHashMap<String, Vec<(u32, bool)>>,
    first_words: FxHashSet<String>,
    /// Keys of Arabic first words written with proclitics ("والميادين",
    /// "للرقة") → (number of proclitic letters, whether the article's
    /// alef was swallowed, the key of the bare first word). Tagging then
    /// needs no key computation for proclitics.
    proclitic: FxHashMap<String, Vec<(usize, bool, String)>>,
    max_words: usize,
}

/// The proclitic clusters tried before an Arabic name: a conjunction,
/// a preposition, or both.
const PROCLITICS: [&str; 11] =
    ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

impl TagIndex {
    pub(crate) fn build(gazetteer: &Gazetteer) -> TagIndex {
        let mut index = TagIndex::default();
        let mut words: Vec<String> = Vec::new();
        for (p_idx, place) in gazetteer.places().iter().enumerate() {
            let Ok(p_idx) = u32::try_from(p_idx) else { break };
            let main_count = crate::gazetteer::main_name_count(place);
            for (n_idx, name) in place.names().enumerate() {
                let main = u32::try_from(n_idx).is_ok_and(|n| n < main_count);
                words.clear();
                for_each_word_key(name, Level::Strict, |_, key| {
                    words.push(key.to_owned())
                });
                // Article words at either end do not count.
                while words.last().is_some_and(String::is_empty) {
                    words.pop();
                }
                let start = words.iter().take_while(|w| w.is_empty()).count();
                let Some(first) = words.get(start) else { continue };
                index.first_words.insert(first.clone());
                if let Some(word) = name.split_whitespace().next() {
                    if word.chars().next().is_some_and(is_arabic_letter) {
                        index.add_proclitic_forms(word, first);
                    }
                }
                let key: String = words.concat();
                let n_words = words.len() - start;
                index.max_words = index.max_words.max(n_words);
                let ids = index.names.entry(key).or_default();
                match ids.iter_mut().find(|(p, _)| *p == p_idx) {
                    Some(entry) => entry.1 |= main,
                    None => ids.push((p_idx, main)),
                }
            }
        }
        for list in index.proclitic.values_mut() {
            list.sort();
            list.dedup();
        }
        index
    }

    fn add_proclitic_forms(&mut self, word: &str, base: &str) {
        let mut variant = String::new();
        let mut key = String::new();
        for prefix in PROCLITICS {
            variant.clear();
            variant.push_str(prefix);
            let elided = prefix.ends_with('ل') && word.starts_with("ال");
            if elided {
                variant.push_str(word.get('ا'.len_utf8()..).unwrap_or(""));
            } else {
                variant.push_str(word);
            }
            strict_key_into(&variant, &mut key);
            if key.is_empty() {
                continue;
            }
            let n = prefix.chars().count();
            self.proclitic.entry(key.clone()).or_default().push((
                n,
                elided,
                base.to_owned(),
            ));
        }
    }
}

/// The byte length of the first `n` letters of `word`, with the marks
/// that follow each of them.
fn proclitic_bytes(word: &str, n: usize) -> usize {
    let mut letters = 0;
    for (pos, c) in word.char_indices() {
        let is_mark = ('\u{064B}'..='\u{065F}').contains(&c)
            || c == '\u{0670}'
            || c == '\u{0640}';
        if !is_mark {
            if letters == n {
                return pos;
            }
            letters += 1;
        }
    }
    word.len()
}

/// A place a whole-name key stands for, and whether the key is that of
/// one of its main names.
type NameHit = (u32, bool);

struct Word {
    range: Range<usize>,
    key: Range<usize>,
    arabic: bool,
}

impl Gazetteer {
    /// A [`Tagger`] with `options` prepared, for tagging many texts.
    pub fn tagger(&self, options: &TagOptions) -> Tagger<'_> {
        // Stop words are compared by strict key, so "جاؤوا" is stopped by
        // "جاوا" and "TELL" by "tell".
        let stop =
            options.stop_words.iter().map(|w| keying::strict(w)).collect();
        Tagger { gazetteer: self, options: options.clone(), stop }
    }

    /// Finds place mentions in `text`, longest match first, in text order.
    /// To tag many texts, make a [`Gazetteer::tagger`] once.
    pub fn tag(&self, text: &str, options: &TagOptions) -> Vec<Mention> {
        self.tagger(options).tag(text)
    }

    /// Rewrites every place mention of `text` to one spelling convention.
    pub fn rewrite(
        &self,
        text: &str,
        convention: Convention,
        options: &TagOptions,
    ) -> String {
        self.tagger(options).rewrite(text, convention)
    }

    fn tag_with(
        &self,
        text: &str,
        options: &TagOptions,
        stop: &FxHashSet<String>,
    ) -> Vec<Mention> {
        let index = self.tag_index();
        let mut keys = String::with_capacity(text.len());
        let mut words: Vec<Word> = Vec::new();
        for_each_word_key(text, Level::Strict, |range, key| {
            let start = keys.len();
            keys.push_str(key);
            let arabic = text
                .get(range.clone())
                .and_then(|w| w.chars().next())
                .is_some_and(is_arabic_letter);
            words.push(Word { range, key: start..keys.len(), arabic });
        });
        let mut mentions = Vec::new();
        // The candidates of each mention, for the second pass.
        let mut candidates: Vec<&[NameHit]> = Vec::new();
        let mut window = String::new();
        let mut i = 0;
        while i < words.len() {
            match self.match_at(
                text,
                &words,
                &keys,
                i,
                index,
                stop,
                options,
                &mut window,
            ) {
                Some((mention, n, ids)) => {
                    mentions.push(mention);
                    candidates.push(ids);
                    i += n;
                }
                None => i += 1,
            }
        }
        self.prefer_text_country(&mut mentions, &candidates, options);
        mentions
    }

    /// The second pass: a mention that could be places in several
    /// countries (أريحا: Ariha in Idlib, Jericho) goes to the country
    /// most of the text's unambiguous mentions are in, when one of its
    /// candidates is there.
    fn prefer_text_country(
        &self,
        mentions: &mut [Mention],
        candidates: &[&[NameHit]],
        options: &TagOptions,
    ) {
        let countries_of = |ids: &[NameHit]| {
            let mut cs: Vec<&str> = ids
                .iter()
                .filter_map(|&(i, _)| self.place(i as usize))
                .map(|p| p.country.as_str())
                .collect();
            cs.sort_unstable();
            cs.dedup();
            cs
        };
        let mut counts: std::collections::BTreeMap<&str, usize> =
            std::collections::BTreeMap::new();
        for ids in candidates {
            if let [only] = countries_of(ids).as_slice() {
                *counts.entry(only).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top = match ranked.as_slice() {
            [] => return,
            [(c, _)] => *c,
            [(c, n), (_, m), ..] if n > m => *c,
            _ => return,
        };
        for (mention, ids) in mentions.iter_mut().zip(candidates) {
            if countries_of(ids).len() < 2 {
                continue;
            }
            if let Some(best) = self.best_for_tag(ids, options, Some(top)) {
                mention.place = best;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn match_at<'i>(
        &self,
        text: &str,
        words: &[Word],
        keys: &str,
        i: usize,
        index: &'i TagIndex,
        stop: &FxHashSet<String>,
        options: &TagOptions,
        window: &mut String,
    ) -> Option<(Mention, usize, &'i [NameHit])> {
        let word = words.get(i)?;
        let key_of = |w: &Word| keys.get(w.key.clone()).unwrap_or("");
        // Leading article words: the name starts at the next keyed word.
        let lead = words
            .get(i..)?
            .iter()
            .take_while(|w| key_of(w).is_empty() && !w.arabic)
            .count();
        if lead > 2 {
            return None;
        }
        // Leading words with an empty key must be Arabic articles written
        // in Latin letters ("al Raqqa", "Ar Raqqah", "ad-Dana"), not the
        // English "a" or "an".
        if lead > 0 {
            let ok = words.get(i..i + lead)?.iter().all(|w| {
                let s = text.get(w.range.clone()).unwrap_or("");
                let hyphen = text
                    .get(w.range.end..)
                    .is_some_and(|rest| rest.starts_with(['-', '\u{2010}']));
                is_latin_article(s, hyphen)
            });
            if !ok {
                return None;
            }
        }
        let head = words.get(i + lead)?;
        let head_surface = text.get(head.range.clone())?;
        let mut starts: Vec<(usize, bool, &str)> = Vec::with_capacity(4);
        if head.arabic {
            let head_key = key_of(head);
            if index.first_words.contains(head_key) {
                starts.push((0, false, head_key));
            }
            if let Some(list) = index.proclitic.get(head_key) {
                for (n, elided, base) in list {
                    let skip = proclitic_bytes(head_surface, *n);
                    // The rest must keep three letters: "ولد" is not و+لد.
                    let rest = head_surface.get(skip..).unwrap_or("");
                    if rest.chars().filter(|c| is_arabic_letter(*c)).count()
                        + usize::from(*elided)
                        < 3
                    {
                        continue;
                    }
                    starts.push((skip, *elided, base.as_str()));
                }
            }
        } else {
            if !head_surface.chars().any(char::is_uppercase) {
                return None;
            }
            let head_key = key_of(head);
            if index.first_words.contains(head_key) {
                starts.push((0, false, head_key));
            }
        }
        for (skip, elided, first_key) in starts {
            let max = index.max_words.min(words.len() - i - lead);
            for n in (1..=max).rev() {
                let last = words.get(i + lead + n - 1)?;
                if key_of(last).is_empty() {
                    continue;
                }
                window.clear();
                window.push_str(first_key);
                for w in words.get(i + lead + 1..i + lead + n)? {
                    window.push_str(key_of(w));
                }
                let Some(ids) = index.names.get(window.as_str()) else {
                    continue;
                };
                let start = if lead > 0 || skip == 0 {
                    word.range.start
                } else {
                    head.range.start + skip
                };
                let span = trim_invisible(text, start..last.range.end);
                if n == 1 {
                    let body = text.get(trim_invisible(
                        text,
                        head.range.start + skip..last.range.end,
                    ))?;
                    let body = keying::exact(body);
                    let restored = if elided {
                        format!("ا{body}")
                    } else {
                        body.clone()
                    };
                    if stop.contains(window.as_str()) {
                        continue;
                    }
                    // An Arabic word without the article does not match a
                    // place whose Arabic names all have it: عقبة "obstacle"
                    // is not العقبة Aqaba.
                    if head.arabic
                        && !restored.starts_with("ال")
                        && !self.has_arabic_name_without_article(ids)
                    {
                        continue;
                    }
                    // A short single word ("Is", "Bab") must be one of the
                    // place's names as written, not only share its key.
                    if window.chars().count() < 4
                        && !self.exact.contains_key(&restored)
                    {
                        continue;
                    }
                }
                let best = self.best_for_tag(ids, options, None)?;
                return Some((
                    Mention { span, place: best, elided_alef: elided },
                    lead + n,
                    ids,
                ));
            }
        }
        None
    }

    /// Whether one of the places has an Arabic-script name that does not
    /// start with the article.
    fn has_arabic_name_without_article(&self, ids: &[(u32, bool)]) -> bool {
        ids.iter().filter_map(|&(i, _)| self.place(i as usize)).any(|p| {
            p.names().any(|n| {
                crate::gazetteer::is_arabic(n) && !n.starts_with("ال")
            })
        })
    }

    /// The place a matched name stands for: one whose main name matched
    /// before one matched through an alias, then the prior.
    fn best_for_tag(
        &self,
        ids: &[(u32, bool)],
        options: &TagOptions,
        prefer: Option<&str>,
    ) -> Option<usize> {
        let preferred = |p: &Place| prefer.is_none_or(|cc| p.country == cc);
        let any_preferred = ids
            .iter()
            .filter_map(|&(i, _)| self.place(i as usize))
            .any(preferred);
        ids.iter()
            .filter_map(|&(i, main)| {
                self.place(i as usize).map(|p| (i as usize, main, p))
            })
            .filter(|(_, _, p)| {
                options
                    .country
                    .as_ref()
                    .is_none_or(|cc| p.country.eq_ignore_ascii_case(cc))
            })
            .filter(|(_, _, p)| !any_preferred || preferred(p))
            .max_by(|(ia, ma, a), (ib, mb, b)| {
                ma.cmp(mb)
                    .then(a.prior().total_cmp(&b.prior()))
                    .then(ib.cmp(ia))
            })
            .map(|(i, _, _)| i)
    }
}

/// A gazetteer with tag options prepared: tags and rewrites text.
#[derive(Debug)]
pub struct Tagger<'g> {
    gazetteer: &'g Gazetteer,
    options: TagOptions,
    stop: FxHashSet<String>,
}

impl Tagger<'_> {
    /// Finds place mentions in `text`, longest match first, in text order.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.gazetteer.tag_with(text, &self.options, &self.stop)
    }

    /// Rewrites every place mention of `text` to one spelling convention.
    pub fn rewrite(&self, text: &str, convention: Convention) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut pos = 0;
        for m in self.tag(text) {
            let Some(place) = self.gazetteer.place(m.place) else { continue };
            out.push_str(text.get(pos..m.span.start).unwrap_or(""));
            out.push_str(&replacement(place, convention, m.elided_alef));
            pos = m.span.end;
        }
        out.push_str(text.get(pos..).unwrap_or(""));
        out
    }
}

fn replacement(place: &Place, convention: Convention, elided: bool) -> String {
    let name = place.name_in(convention);
    if elided {
        if let Some(rest) = name.strip_prefix('ا') {
            return rest.to_owned();
        }
    }
    name.to_owned()
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c)
        || ('\u{066E}'..='\u{06D3}').contains(&c)
        || ('\u{FB50}'..='\u{FEFC}').contains(&c)
}

/// The ways to read the start of an Arabic word as proclitics: (bytes to
/// skip, whether the article's alef was swallowed by ل). The rest must
/// keep at least three letters.
pub(crate) fn proclitic_splits(word: &str) -> Vec<(usize, bool)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut out = Vec::new();
    let mut at = 0;
    if matches!(chars.first(), Some((_, 'و' | 'ف'))) {
        at = 1;
        push_split(&chars, word, at, &mut out);
    }
    if let Some((_, c)) = chars.get(at) {
        if matches!(c, 'ب' | 'ل' | 'ك') {
            let after = at + 1;
            let elided =
                *c == 'ل' && matches!(chars.get(after), Some((_, 'ل')));
            if elided {
                // ل + (ا)ل...: the rest, with the alef restored, is read.
                if let Some((byte, _)) = chars.get(after) {
                    if chars.len() - after >= 3 {
                        out.push((*byte, true));
                    }
                }
            } else {
                push_split(&chars, word, after, &mut out);
            }
        }
    }
    out
}

fn push_split(
    chars: &[(usize, char)],
    word: &str,
    at: usize,
    out: &mut Vec<(usize, bool)>,
) {
    let rest = chars.len().saturating_sub(at);
    let byte = chars.get(at).map_or(word.len(), |(b, _)| *b);
    if rest >= 3 {
        out.push((byte, false));
    }
}

/// Whether `c` is an invisible format character (bidi marks and
/// isolates, zero-width characters, BOM, soft hyphen).
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `range` without invisible format characters at either end.
fn trim_invisible(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else { return range };
    let head = s.len() - s.trim_start_matches(is_invisible).len();
    let tail = s.len() - s.trim_end_matches(is_invisible).len();
    if head + tail >= s.len() {
        return range;
    }
    range.start + head..range.end - tail
}

/// Whether a word with an empty key may open a name: `al`, `el`, `il`,
/// `ul` in any case, or an assimilated article (`As`, `ash`, `Ez` ...)
/// when capitalized or joined to the name by a hyphen.
fn is_latin_article(word: &str, hyphen: bool) -> bool {
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "al" | "el" | "il" | "ul") {
        return true;
    }
    let assimilated = matches!(
        lower.as_str(),
        "as" | "ash"
            | "at"
            | "ath"
            | "ad"
            | "adh"
            | "ar"
            | "az"
            | "an"
            | "es"
            | "esh"
            | "et"
            | "ed"
            | "er"
            | "ez"
            | "en"
    );
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    assimilated && (capitalized || hyphen)
}
