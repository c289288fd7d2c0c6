//! Pair filters: each rejects a pair for one [`Reason`], each can be
//! switched off in [`FilterOptions`]. A [`Filter`] remembers the pairs it
//! kept, to find duplicates.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};

use tarjama_record::PairRecordV1;
use whatlang::Script;

use crate::fold::{exact_key, is_letter, near_key};

/// Why a pair was rejected. The filters run in the order of
/// [`Reason::ALL`]; a pair gets the first reason that applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Reason {
    /// One side is empty or only whitespace.
    Empty,
    /// One side has no letters: only URLs, numbers, punctuation, symbols.
    NoText,
    /// One side is longer than [`FilterOptions::max_chars`].
    TooLong,
    /// Both sides are the same text (ignoring invisible differences).
    Identical,
    /// The character-length ratio is outside the calibrated bounds.
    LengthRatio,
    /// Brackets (and, when asked, quotes) do not pair up on one side.
    Unbalanced,
    /// A side is confidently in another language or script.
    LanguageId,
    /// The same pair (exact key of both sides) was kept before.
    Duplicate,
    /// The same pair up to case, diacritics, digits and punctuation was
    /// kept before.
    NearDuplicate,
}

impl Reason {
    /// Every reason, in the order the filters run.
    pub const ALL: [Reason; 9] = [
        Reason::Empty,
        Reason::NoText,
        Reason::TooLong,
        Reason::Identical,
        Reason::LengthRatio,
        Reason::Unbalanced,
        Reason::LanguageId,
        Reason::Duplicate,
        Reason::NearDuplicate,
    ];

    /// The name used in reports, rejects files and `--no-filter`.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Empty => "empty",
            Reason::NoText => "no-text",
            Reason::TooLong => "too-long",
            Reason::Identical => "identical",
            Reason::LengthRatio => "length-ratio",
            Reason::Unbalanced => "unbalanced",
            Reason::LanguageId => "lang-id",
            Reason::Duplicate => "duplicate",
            Reason::NearDuplicate => "near-duplicate",
        }
    }

    /// Parses a name written by [`Reason::name`].
    pub fn parse(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which filters run, and their thresholds.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FilterOptions {
    /// Filters switched off.
    pub disabled: BTreeSet<Reason>,
    /// Longest allowed side, in characters (default 1000).
    pub max_chars: usize,
    /// Allowed range of `chars(src) / chars(tgt)`; `None` (the default)
    /// takes the calibrated bounds of [`ratio_bounds`] for the pair's
    /// languages.
    pub ratio_bounds: Option<(f64, f64)>,
    /// Characters of slack around the ratio bounds: a pair passes when
    /// `low * tgt - slack <= src <= high * tgt + slack` (default 10).
    /// Short questions and answers vary more than the ratio alone allows
    /// ("بكم تشتريه؟" / "How much do you pay for it?" is 0.41); 8
    /// characters cover every gold pair of `corpus/samples`.
    pub ratio_slack_chars: usize,
    /// The ratio is only checked when the longer side has at least this
    /// many characters (default 20): short segments vary too much.
    pub ratio_min_chars: usize,
    /// Language identification only judges sides with at least this many
    /// letters (default 20).
    pub lang_id_min_letters: usize,
    /// The `unbalanced` filter also checks quotes (default `false`: in
    /// news text quotations often span sentences, and 9.4 % of the clean
    /// NTREX/FLORES pairs have an unpaired quote on one side, against
    /// 0.03 % with an unpaired bracket).
    pub check_quotes: bool,
}

impl Default for FilterOptions {
    fn default() -> FilterOptions {
        FilterOptions {
            disabled: BTreeSet::new(),
            max_chars: 1000,
            ratio_bounds: None,
            ratio_slack_chars: 10,
            ratio_min_chars: 20,
            lang_id_min_letters: 20,
            check_quotes: false,
        }
    }
}

impl FilterOptions {
    /// Options with every filter switched off.
    pub fn none() -> FilterOptions {
        FilterOptions {
            disabled: Reason::ALL.into_iter().collect(),
            ..FilterOptions::default()
        }
    }

    /// Whether the filter for `reason` runs.
    pub fn is_enabled(&self, reason: Reason) -> bool {
        !self.disabled.contains(&reason)
    }
}

/// The calibrated bounds of `chars(src) / chars(tgt)` for a language
/// pair: the 0.5th and 99.5th percentiles measured on human translations
/// (see `docs/formats/export.md`). Unmeasured pairs get the wide,
/// uncalibrated `(1/3, 3)`.
///
/// ```
/// let (low, high) = tarjama_export::ratio_bounds("ar", "en");
/// assert!(low < 0.9 && 0.9 < high);
/// let (low_en, high_en) = tarjama_export::ratio_bounds("en", "ar");
/// assert!((low_en - 1.0 / high).abs() < 1e-12);
/// ```
pub fn ratio_bounds(src_lang: &str, tgt_lang: &str) -> (f64, f64) {
    // NTREX-128 + FLORES-200 dev, 2,994 pairs, characters of the trimmed
    // segments: p0.5 = 0.56, p99.5 = 1.775 (median 0.902).
    const AR_EN: (f64, f64) = (0.56, 1.78);
    match (src_lang, tgt_lang) {
        ("ar", "en") => AR_EN,
        ("en", "ar") => (1.0 / AR_EN.1, 1.0 / AR_EN.0),
        _ => (1.0 / 3.0, 3.0),
    }
}

/// Decides for each pair whether it is kept, remembering kept pairs for
/// duplicate detection (16 bytes per kept pair and duplicate kind).
#[derive(Debug)]
pub struct Filter {
    options: FilterOptions,
    exact_seen: HashSet<u128>,
    near_seen: HashSet<u128>,
}

fn hash_pair(src: &str, tgt: &str) -> u128 {
    let half = |seed: u8| {
        let mut hasher = DefaultHasher::new();
        seed.hash(&mut hasher);
        src.hash(&mut hasher);
        tgt.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Whether a word is a URL or an e-mail address.
fn is_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (word.contains('@') && word.contains('.'))
}

fn has_text(side: &str) -> bool {
    side.split_whitespace()
        .filter(|word| !is_url(word))
        .any(|word| word.chars().any(is_letter))
}

/// Whether brackets nest and close; with `quotes`, also whether `«»` and
/// `“”` pair up and straight double quotes come in pairs.
fn is_balanced(side: &str, quotes: bool) -> bool {
    let mut stack = Vec::new();
    let mut straight_quotes = 0usize;
    for c in side.chars() {
        let open = match c {
            ')' => '(',
            ']' => '[',
            '}' => '{',
            '﴿' => '﴾',
            '»' if quotes => '«',
            '”' if quotes => '“',
            '(' | '[' | '{' | '﴾' => {
                stack.push(c);
                continue;
            }
            '«' | '“' if quotes => {
                stack.push(c);
                continue;
            }
            '"' => {
                straight_quotes += 1;
                continue;
            }
            _ => continue,
        };
        if stack.pop() != Some(open) {
            return false;
        }
    }
    stack.is_empty() && (!quotes || straight_quotes % 2 == 0)
}

fn is_arabic_script_lang(lang: &str) -> bool {
    matches!(lang, "ar" | "fa" | "ur" | "ps" | "ku" | "sd" | "ug")
}

fn is_latin_script_lang(lang: &str) -> bool {
    matches!(
        lang,
        "en" | "fr"
            | "de"
            | "es"
            | "it"
            | "pt"
            | "nl"
            | "tr"
            | "id"
            | "ms"
            | "sw"
            | "pl"
            | "ro"
            | "sv"
            | "da"
            | "nb"
            | "fi"
            | "cs"
            | "hu"
            | "vi"
    )
}

/// Whether `side` is confidently not in `lang`: checked by script only
/// (the share of letters in the language's script is under 10 %), which
/// does not misfire on short or name-heavy segments. Languages of other
/// scripts are not judged.
fn wrong_language(side: &str, lang: &str, min_letters: usize) -> bool {
    let want = if is_arabic_script_lang(lang) {
        Script::Arabic
    } else if is_latin_script_lang(lang) {
        Script::Latin
    } else {
        return false;
    };
    let mut letters = 0usize;
    let mut in_script = 0usize;
    for c in side.chars().filter(|&c| is_letter(c)) {
        letters += 1;
        let script = match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => Some(Script::Arabic),
            c if c.is_ascii_alphabetic()
                || ('\u{00C0}'..='\u{024F}').contains(&c)
                || ('\u{1E00}'..='\u{1EFF}').contains(&c) =>
            {
                Some(Script::Latin)
            }
            _ => None,
        };
        if script == Some(want) {
            in_script += 1;
        }
    }
    if letters < min_letters {
        return false;
    }
    if in_script * 10 < letters {
        return true;
    }
    // A Latin-script side in the right script: trust whatlang only when it
    // is sure, only about long segments, and for English only when the
    // side has none of the commonest English words (whatlang takes
    // name-heavy English headlines for other languages).
    if want == Script::Latin && letters >= 3 * min_letters {
        if lang == "en" && has_english_function_word(side) {
            return false;
        }
        if let Some(info) = whatlang::detect(side) {
            let code = info.lang().code();
            let same =
                code.get(..2) == lang.get(..2) || lang_639_3(lang) == code;
            return info.is_reliable() && info.confidence() > 0.9 && !same;
        }
    }
    false
}

/// Whether `side` has one of the commonest English function words.
fn has_english_function_word(side: &str) -> bool {
    const WORDS: [&str; 20] = [
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "was",
        "on", "with", "as", "he", "she", "are", "be", "at", "by", "this",
    ];
    side.split(|c: char| !is_letter(c))
        .any(|word| WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// The ISO 639-3 code whatlang uses for an ISO 639-1 code.
fn lang_639_3(lang: &str) -> &'static str {
    match lang {
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "nl" => "nld",
        "tr" => "tur",
        "id" => "ind",
        "ms" => "zlm",
        "sw" => "swh",
        "pl" => "pol",
        "ro" => "ron",
        "sv" => "swe",
        "da" => "dan",
        "nb" => "nob",
        "fi" => "fin",
        "cs" => "ces",
        "hu" => "hun",
        "vi" => "vie",
        _ => "",
    }
}

impl Filter {
    /// A filter with `options` and nothing seen yet.
    pub fn new(options: FilterOptions) -> Filter {
        Filter {
            options,
            exact_seen: HashSet::new(),
            near_seen: HashSet::new(),
        }
    }

    /// The options this filter runs with.
    pub fn options(&self) -> &FilterOptions {
        &self.options
    }

    /// `None` when `pair` is kept (and then remembered for duplicate
    /// detection), else the first reason to reject it.
    pub fn check(&mut self, pair: &PairRecordV1) -> Option<Reason> {
        let (src_lang, tgt_lang) = pair.lang_pair().unwrap_or(("", ""));
        let (src, tgt) = (pair.src(), pair.tgt());
        let on = |reason| self.options.is_enabled(reason);
        if on(Reason::Empty)
            && (src.trim().is_empty() || tgt.trim().is_empty())
        {
            return Some(Reason::Empty);
        }
        if on(Reason::NoText) && !(has_text(src) && has_text(tgt)) {
            return Some(Reason::NoText);
        }
        let (src_chars, tgt_chars) =
            (src.trim().chars().count(), tgt.trim().chars().count());
        if on(Reason::TooLong)
            && src_chars.max(tgt_chars) > self.options.max_chars
        {
            return Some(Reason::TooLong);
        }
        let (src_exact, tgt_exact) = (exact_key(src), exact_key(tgt));
        if on(Reason::Identical) && src_exact == tgt_exact {
            return Some(Reason::Identical);
        }
        if on(Reason::LengthRatio)
            && src_chars.max(tgt_chars) >= self.options.ratio_min_chars
        {
            let (low, high) = self
                .options
                .ratio_bounds
                .unwrap_or_else(|| ratio_bounds(src_lang, tgt_lang));
            let slack = self.options.ratio_slack_chars as f64;
            let (src_len, tgt_len) = (src_chars as f64, tgt_chars as f64);
            if src_len < low * tgt_len - slack
                || src_len > high * tgt_len + slack
            {
                return Some(Reason::LengthRatio);
            }
        }
        let quotes = self.options.check_quotes;
        if on(Reason::Unbalanced)
            && !(is_balanced(src, quotes) && is_balanced(tgt, quotes))
        {
            return Some(Reason::Unbalanced);
        }
        let min_letters = self.options.lang_id_min_letters;
        if on(Reason::LanguageId)
            && (wrong_language(src, src_lang, min_letters)
                || wrong_language(tgt, tgt_lang, min_letters))
        {
            return Some(Reason::LanguageId);
        }
        let exact = hash_pair(&src_exact, &tgt_exact);
        if on(Reason::Duplicate) && self.exact_seen.contains(&exact) {
            return Some(Reason::Duplicate);
        }
        let near = hash_pair(&near_key(src), &near_key(tgt));
        if on(Reason::NearDuplicate) && self.near_seen.contains(&near) {
            return Some(Reason::NearDuplicate);
        }
        if on(Reason::Duplicate) {
            self.exact_seen.insert(exact);
        }
        if on(Reason::NearDuplicate) {
            self.near_seen.insert(near);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(filter: &mut Filter, ar: &str, en: &str) -> Option<&'static str> {
        filter.check(&PairRecordV1::new("ar", ar, "en", en)).map(Reason::name)
    }

    #[test]
    fn reasons_round_trip() {
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.name()), Some(reason));
        }
    }

    #[test]
    fn each_filter_fires() {
        let mut f = Filter::new(FilterOptions::default());
        assert_eq!(check(&mut f, "نعم", "Yes"), None);
        assert_eq!(check(&mut f, " \u{A0}", "Yes"), Some("empty"));
        assert_eq!(check(&mut f, "نعم", ""), Some("empty"));
        assert_eq!(
            check(&mut f, "https://example.org", "Link"),
            Some("no-text")
        );
        assert_eq!(check(&mut f, "١٢٣٫٤", "123.4"), Some("no-text"));
        assert_eq!(check(&mut f, "…!؟", "...!?"), Some("no-text"));
        let long = "كلمة ".repeat(300);
        assert_eq!(check(&mut f, &long, "word"), Some("too-long"));
        assert_eq!(
            check(&mut f, "COVID-19", "COVID-19\u{200E}"),
            Some("identical")
        );
        assert_eq!(
            check(&mut f, "لا", "No, I do not think that this is right at all"),
            Some("length-ratio")
        );
        assert_eq!(
            check(
                &mut f,
                "قال (الرئيس إنه سيعود",
                "He said (the president would return"
            ),
            Some("unbalanced")
        );
        assert_eq!(
            check(
                &mut f,
                "This sentence is English on the Arabic side of the pair",
                "This sentence is English on the English side of the pair"
            ),
            Some("lang-id")
        );
        assert_eq!(check(&mut f, "نعم", "Yes"), Some("duplicate"));
        assert_eq!(check(&mut f, "نَعَم", "yes!"), Some("near-duplicate"));
    }

    #[test]
    fn ratio_is_not_checked_on_short_segments() {
        let mut f = Filter::new(FilterOptions::default());
        assert_eq!(check(&mut f, "لا", "No, thanks"), None);
    }

    #[test]
    fn ratio_has_slack_for_short_questions_but_not_for_misalignments() {
        let mut f = Filter::new(FilterOptions::default());
        assert_eq!(
            check(&mut f, "بكم تشتريه؟", "How much do you pay for it?"),
            None
        );
        assert_eq!(
            check(
                &mut f,
                "نعم.",
                "The council repaired two pumps in March and a third one \
                 is still waiting for spare parts from Damascus."
            ),
            Some("length-ratio")
        );
        let mut strict = Filter::new(FilterOptions {
            ratio_slack_chars: 0,
            ..FilterOptions::default()
        });
        assert_eq!(
            check(&mut strict, "بكم تشتريه؟", "How much do you pay for it?"),
            Some("length-ratio")
        );
    }

    #[test]
    fn balanced_text_passes() {
        let text = "He said “yes” (twice) [sic] «نعم» \"ok\"";
        assert!(is_balanced(text, true));
        assert!(!is_balanced("a) first", false));
        assert!(!is_balanced("(a]", false));
        assert!(is_balanced("\"open «", false));
        assert!(!is_balanced("\"open", true));
        assert!(!is_balanced("«open", true));
        assert!(!is_balanced("“a»", true));
    }

    #[test]
    fn lang_id_leaves_short_and_mixed_segments_alone() {
        assert!(!wrong_language("OK", "ar", 20));
        assert!(!wrong_language(
            "قال مدير Microsoft إن Windows 11 سيصدر",
            "ar",
            20
        ));
        assert!(wrong_language(
            "Completely English text on the Arabic side",
            "ar",
            20
        ));
        assert!(wrong_language(
            "هذا نص عربي كامل في الجانب الإنجليزي",
            "en",
            20
        ));
        assert!(!wrong_language(
            "Привет, как дела у тебя сегодня вечером",
            "ru",
            20
        ));
        // Name-heavy English that whatlang is sure is something else.
        let headline = "Rangers' Graham Dorrans optimistic ahead of Rapid \
                        Vienna clash That is what was said.";
        assert!(!wrong_language(headline, "en", 20));
        let french = "Le gouvernement a annoncé mardi une nouvelle série de \
                      mesures pour soutenir les agriculteurs touchés.";
        assert!(wrong_language(french, "en", 20));
    }

    #[test]
    fn disabled_filters_do_not_run() {
        let mut options = FilterOptions::default();
        options.disabled.insert(Reason::Empty);
        options.disabled.insert(Reason::NoText);
        options.disabled.insert(Reason::Identical);
        let mut f = Filter::new(options);
        assert_eq!(check(&mut f, "", ""), None);
        assert_eq!(check(&mut f, "", ""), Some("duplicate"));
        let mut none = Filter::new(FilterOptions::none());
        assert_eq!(check(&mut none, "", ""), None);
        assert_eq!(check(&mut none, "", ""), None);
    }
}
