//! Per-sentence evidence used by the aligner: an effective length, and
//! anchors that need no dictionary (numbers, Latin tokens inside Arabic
//! text, names through cross-script keys, punctuation).

/// A 64-bit FNV-1a hash: deterministic across runs and platforms, so no
/// hash-map order or random seed can leak into the output.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The writing system of one side, which decides what counts as an
/// anchor on that side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    /// Arabic script (ar, fa, ur, …): Latin tokens and digits inside it
    /// are anchors; every word is a candidate name.
    Arabic,
    /// Latin script (en, fr, …): capitalized words are candidate names.
    Latin,
    /// Anything else: numbers and punctuation only.
    Other,
}

impl Script {
    /// The script of a language code (BCP 47 primary subtag).
    pub(crate) fn of_lang(lang: &str) -> Script {
        match lang {
            "ar" | "arb" | "ary" | "arz" | "apc" | "acm" | "fa" | "ur"
            | "ps" | "ku" | "ckb" => Script::Arabic,
            "en" | "fr" | "de" | "es" | "it" | "pt" | "nl" | "tr" | "id"
            | "ms" | "sv" | "da" | "no" | "pl" | "cs" | "ro" | "hu" | "fi"
            | "sw" | "so" | "ha" => Script::Latin,
            _ => Script::Other,
        }
    }
}

/// Punctuation bits: each is evidence when both sides agree.
pub(crate) const P_QUESTION: u8 = 1;
pub(crate) const P_EXCLAIM: u8 = 2;
pub(crate) const P_QUOTE: u8 = 4;
pub(crate) const P_PAREN: u8 = 8;
pub(crate) const P_COLON: u8 = 16;
pub(crate) const P_PERCENT: u8 = 32;
pub(crate) const P_BULLET: u8 = 64;

/// The evidence extracted from one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    /// Effective length in characters (diacritics, tatweel and
    /// zero-width characters skipped, whitespace runs counted once).
    pub(crate) len: f32,
    /// Normalized numbers (ASCII digits, `.` as decimal point), hashed.
    pub(crate) numbers: Vec<u64>,
    /// Tokens this sentence expects to find in its translation (Latin
    /// words inside Arabic text; names in Latin text), hashed.
    pub(crate) expect: Vec<u64>,
    /// Sorted hashes offered to the other side's expectations.
    pub(crate) pool: Vec<u64>,
    /// A 256-bit Bloom signature of `pool` (two bits per hash, see
    /// [`bloom_bits`]), to rule out most look-ups without a search.
    pub(crate) pool_sig: [u64; 4],
    /// Sorted hashes of the lowercased words, for the dictionary.
    pub(crate) words: Vec<u64>,
    /// Punctuation bits (`P_*`).
    pub(crate) punct: u8,
    /// Structural kind of the sentence's block.
    pub(crate) kind: Kind,
    /// The sentence is the last of its block (paragraph, turn).
    pub(crate) block_end: bool,
}

/// The structural kind of the block a sentence belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Headline.
    Title,
    /// Dateline or lead paragraph.
    Lead,
    /// Interviewer's question.
    Question,
    /// Interviewee's answer.
    Answer,
    /// A plain paragraph (no interview structure, or unknown).
    #[default]
    Paragraph,
    /// Photo caption: text of its own, often on one side only.
    Caption,
    /// Pull quote: repeats text of an answer.
    PullQuote,
    /// Site boilerplate (read more, follow us, copyright).
    Boilerplate,
}

impl Kind {
    /// Captions, pull quotes and boilerplate: text that is not part of
    /// the running text and must never be paired with it.
    pub fn is_aside(self) -> bool {
        matches!(self, Kind::Caption | Kind::PullQuote | Kind::Boilerplate)
    }
}

/// Maps one word to a cross-script name key, or `None` when the word
/// cannot be a name.
pub(crate) type NameKeyFn = fn(&str) -> Option<String>;

fn is_skipped(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
        | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Effective length of a text: see [`Features::len`].
pub(crate) fn effective_len(text: &str) -> f32 {
    let mut n: u32 = 0;
    let mut in_space = true;
    for c in text.chars() {
        if is_skipped(c) {
            continue;
        }
        if c.is_whitespace() {
            if !in_space {
                n += 1;
            }
            in_space = true;
        } else {
            n += 1;
            in_space = false;
        }
    }
    if in_space && n > 0 {
        n -= 1;
    }
    n as f32
}

/// The ASCII digit of an ASCII, Arabic-Indic or Extended Arabic-Indic
/// digit.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let v = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    u8::try_from(v).ok()
}

/// Every number in `text`, normalized: Arabic-Indic digits become ASCII,
/// the Arabic decimal separator `٫` and a `.` or `,` between digits
/// followed by one or two digits become `.`, thousands separators (`٬`,
/// or `,`/`.`/space followed by exactly three digits) are dropped,
/// leading zeros are dropped.
pub(crate) fn numbers(text: &str) -> Vec<String> {
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let Some(first) = chars.get(pos).copied().and_then(digit_value) else {
            pos += 1;
            continue;
        };
        let mut digits = String::new();
        digits.push(char::from(b'0' + first));
        let mut frac = String::new();
        pos += 1;
        while let Some(&c) = chars.get(pos) {
            if let Some(d) = digit_value(c) {
                let target =
                    if frac.is_empty() { &mut digits } else { &mut frac };
                target.push(char::from(b'0' + d));
                pos += 1;
                continue;
            }
            // A separator counts only when digits follow it.
            let run = chars
                .get(pos + 1..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&c| digit_value(c).is_some())
                .count();
            if run == 0 || !frac.is_empty() {
                break;
            }
            match c {
                '\u{066C}' if run == 3 => pos += 1,
                ',' | '.' | '\u{202F}' if run == 3 => pos += 1,
                '\u{066B}' | '.' | ',' if run <= 2 || c == '\u{066B}' => {
                    frac.push('.');
                    pos += 1;
                }
                _ => break,
            }
        }
        let trimmed = digits.trim_start_matches('0');
        let mut number = if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        };
        let frac_digits = frac.trim_start_matches('.').trim_end_matches('0');
        if !frac_digits.is_empty() {
            number.push('.');
            number.push_str(frac_digits);
        }
        out.push(number);
    }
    out
}

fn punct_bits(text: &str) -> u8 {
    let mut bits = 0;
    let mut prev_digit = false;
    let mut chars = text.chars().peekable();
    let first = text.trim_start().chars().next();
    if matches!(first, Some('-' | '–' | '—' | '•' | '*' | '·' | '◦' | '▪'))
    {
        bits |= P_BULLET;
    }
    while let Some(c) = chars.next() {
        match c {
            '?' | '\u{061F}' => bits |= P_QUESTION,
            '!' => bits |= P_EXCLAIM,
            '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}'
            | '\u{201E}' => bits |= P_QUOTE,
            '(' | ')' | '[' | ']' => bits |= P_PAREN,
            ':' => {
                // A colon inside a time or a ratio (10:30) is not one.
                let next_digit =
                    chars.peek().is_some_and(|&n| digit_value(n).is_some());
                if !(prev_digit && next_digit) {
                    bits |= P_COLON;
                }
            }
            '%' | '\u{066A}' => bits |= P_PERCENT,
            _ => {}
        }
        prev_digit = digit_value(c).is_some();
    }
    bits
}

/// Words of a text: maximal runs of letters, marks and digits (and
/// inner apostrophes/hyphens for Latin text).
pub(crate) fn words(text: &str) -> Vec<&str> {
    word_iter(text).collect()
}

/// The words of [`words`], one at a time.
fn word_iter(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        !(is_alphanumeric(c)
            || is_skipped(c)
            || c == '\''
            || c == '\u{2019}'
            || c == '-')
    })
    .map(|w| {
        w.trim_matches(|c: char| c == '\'' || c == '\u{2019}' || c == '-')
    })
    .filter(|w| !w.is_empty())
}

/// `char::is_alphanumeric`, answered without the Unicode tables for
/// ASCII and the Arabic letters and digits.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0620}'..='\u{064A}').contains(&c)
        || ('\u{0660}'..='\u{0669}').contains(&c)
    {
        return true;
    }
    c.is_alphanumeric()
}

fn is_latin_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '\'')
}

/// Capitalized English words that open sentences or are too common to
/// be names.
const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "if", "in", "on", "at", "to", "of",
    "for", "by", "with", "from", "as", "is", "are", "was", "were", "it",
    "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "this", "that", "these", "those", "there", "what", "when",
    "where", "who", "why", "how", "which", "not", "no", "yes", "so", "then",
    "after", "before", "since", "while", "also", "some", "many", "most",
    "all", "one", "two", "three", "mr", "mrs", "ms", "dr", "q", "a", "photo",
    "caption",
];

/// Arabic clitic prefixes stripped (longest first) to find the name
/// inside a word: `والرقة` → `الرقة` → `رقة`.
const AR_PREFIXES: &[&str] =
    &["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف"];

/// What a word contributes to its sentence's features; the same for
/// every occurrence of the word, so it is worked out once per document.
#[derive(Clone, Debug)]
struct WordInfo {
    /// Hash of the lowercased word.
    lower: u64,
    /// The expectation this word adds, if any.
    expect: Option<u64>,
    /// The lowercased word joins the pool (Latin script).
    pool_lower: bool,
    /// Name keys offered to the pool (Arabic script).
    keys: Box<[u64]>,
}

/// FNV-1a as a [`std::hash::Hasher`] for the word cache: deterministic
/// and fast on short keys (the cache is only looked up, never iterated,
/// so its order cannot reach the output).
#[derive(Clone, Copy, Debug)]
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type WordCache<'t> = std::collections::HashMap<
    &'t str,
    WordInfo,
    std::hash::BuildHasherDefault<FnvHasher>,
>;

/// Builds the features of the sentences of one side, remembering what
/// each distinct word contributes (lowercasing and cross-script name
/// keys are the costly part, and words repeat).
#[derive(Debug)]
pub(crate) struct Extractor<'t> {
    script: Script,
    name_key: Option<NameKeyFn>,
    cache: WordCache<'t>,
    keep_words: bool,
}

impl<'t> Extractor<'t> {
    /// An extractor for a side written in `script`.
    pub(crate) fn new(
        script: Script,
        name_key: Option<NameKeyFn>,
    ) -> Extractor<'t> {
        Extractor {
            script,
            name_key,
            cache: WordCache::default(),
            keep_words: true,
        }
    }

    /// Whether to keep [`Features::words`] (only the dictionary reads
    /// them, on the target side; without one they are dead weight).
    pub(crate) fn keep_words(mut self, keep: bool) -> Extractor<'t> {
        self.keep_words = keep;
        self
    }

    fn word_info(&self, word: &str) -> WordInfo {
        let lower = fnv1a(lowercase(word).as_bytes());
        let mut info = WordInfo {
            lower,
            expect: None,
            pool_lower: false,
            keys: Box::default(),
        };
        match self.script {
            Script::Arabic => {
                if is_latin_word(word) && word.len() >= 2 {
                    info.expect = Some(lower);
                } else if let Some(key_fn) = self.name_key {
                    let mut keys = Vec::new();
                    add_arabic_name_keys(word, key_fn, &mut keys);
                    info.keys = keys.into_boxed_slice();
                }
            }
            Script::Latin => {
                info.pool_lower = true;
                let capital =
                    word.chars().next().is_some_and(char::is_uppercase);
                if capital && word.chars().count() >= 3 {
                    let is_stop =
                        NOT_NAMES.contains(&lowercase(word).as_ref());
                    // The first word of a sentence is capitalized anyway;
                    // it still counts when it is not a common word.
                    if !is_stop {
                        info.expect = self
                            .name_key
                            .and_then(|f| f(word))
                            .map(|key| name_hash(&key));
                    }
                }
            }
            Script::Other => {}
        }
        info
    }

    /// The features of one sentence.
    pub(crate) fn extract(&mut self, text: &'t str) -> Features {
        let mut feats = Features {
            len: effective_len(text),
            numbers: numbers(text)
                .iter()
                .map(|n| fnv1a(n.as_bytes()))
                .collect(),
            punct: punct_bits(text),
            ..Features::default()
        };
        let mut pool = Vec::new();
        let mut lower_words = Vec::new();
        for word in word_iter(text) {
            let mut fresh = None;
            let info = match self.cache.get(word) {
                Some(info) => info,
                None => &*fresh.insert(self.word_info(word)),
            };
            if self.keep_words {
                lower_words.push(info.lower);
            }
            if let Some(e) = info.expect {
                feats.expect.push(e);
            }
            if info.pool_lower {
                pool.push(info.lower);
            }
            pool.extend_from_slice(&info.keys);
            if let Some(info) = fresh {
                self.cache.insert(word, info);
            }
        }
        pool.sort_unstable();
        pool.dedup();
        lower_words.sort_unstable();
        lower_words.dedup();
        for &h in &pool {
            for (word, bit) in bloom_bits(h) {
                if let Some(w) = feats.pool_sig.get_mut(word) {
                    *w |= bit;
                }
            }
        }
        feats.pool = pool;
        feats.words = lower_words;
        feats.expect.truncate(24);
        feats.numbers.truncate(24);
        feats
    }
}

/// `word.to_lowercase()`, without allocating for words of ASCII and
/// Arabic letters (Arabic has no case).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    let caseless = word.chars().all(|c| {
        c.is_ascii_lowercase()
            || !c.is_ascii_uppercase() && c.is_ascii()
            || ('\u{0600}'..='\u{06FF}').contains(&c)
    });
    if caseless {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Builds the features of one sentence of a side written in `script`.
#[cfg(test)]
pub(crate) fn extract(
    text: &str,
    script: Script,
    name_key: Option<NameKeyFn>,
) -> Features {
    Extractor::new(script, name_key).extract(text)
}

/// The two Bloom-signature bits of a hash, as (word, bit mask).
#[inline]
pub(crate) fn bloom_bits(h: u64) -> [(usize, u64); 2] {
    let a = (h & 0xff) as usize;
    let b = ((h >> 8) & 0xff) as usize;
    [(a / 64, 1 << (a % 64)), (b / 64, 1 << (b % 64))]
}

/// Whether a Bloom signature may contain a hash.
#[inline]
pub(crate) fn bloom_may_contain(sig: &[u64; 4], h: u64) -> bool {
    bloom_bits(h)
        .iter()
        .all(|&(word, bit)| sig.get(word).is_some_and(|w| w & bit != 0))
}

/// Name keys live in their own hash space so that a key never collides
/// with a plain lowercased word.
fn name_hash(key: &str) -> u64 {
    fnv1a(key.as_bytes()) ^ 0x9e37_79b9_7f4a_7c15
}

fn add_arabic_name_keys(word: &str, key_fn: NameKeyFn, pool: &mut Vec<u64>) {
    if word.chars().count() < 3 {
        return;
    }
    if let Some(key) = key_fn(word) {
        pool.push(name_hash(&key));
    }
    for prefix in AR_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                if let Some(key) = key_fn(rest) {
                    pool.push(name_hash(&key));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalize_across_digit_sets() {
        assert_eq!(numbers("في عام ٢٠١٩ قتل ١٠ أشخاص"), ["2019", "10"]);
        assert_eq!(numbers("٣٫٥ مليون"), ["3.5"]);
        assert_eq!(numbers("3.5 million"), ["3.5"]);
        assert_eq!(numbers("1,000 people and 1.000"), ["1000", "1000"]);
        assert_eq!(numbers("۱۲ and 007"), ["12", "7"]);
        assert_eq!(numbers("at 10:30, 2.50"), ["10", "30", "2.5"]);
        assert_eq!(numbers("no digits"), Vec::<String>::new());
        assert_eq!(numbers("١٬٠٠٠"), ["1000"]);
    }

    #[test]
    fn length_skips_diacritics_and_collapses_spaces() {
        assert_eq!(effective_len("  a  b "), 3.0);
        assert_eq!(effective_len("كَتَبَ"), 3.0);
        assert_eq!(effective_len("a\u{200B}b"), 2.0);
        assert_eq!(effective_len(""), 0.0);
    }

    #[test]
    fn punctuation_bits() {
        assert_eq!(punct_bits("لماذا؟") & P_QUESTION, P_QUESTION);
        assert_eq!(punct_bits("at 10:30") & P_COLON, 0);
        assert_eq!(punct_bits("He said: «no»"), P_COLON | P_QUOTE);
        assert_eq!(punct_bits("- item") & P_BULLET, P_BULLET);
        assert_eq!(punct_bits("٥٠٪"), P_PERCENT);
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0u32..0x0800).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        for w in ["Abc", "abc", "ABC-d'e", "الرقة", "Σίσυφος", "İstanbul"]
        {
            assert_eq!(lowercase(w), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn latin_tokens_in_arabic_are_expectations() {
        let ar = extract("تغيير مسماهم إلى MWPs قريبا", Script::Arabic, None);
        let en = extract("change their title to MWPs", Script::Latin, None);
        assert_eq!(ar.expect.len(), 1);
        assert!(en.pool.binary_search(&ar.expect[0]).is_ok());
    }
}
