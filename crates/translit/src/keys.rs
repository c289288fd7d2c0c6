//! Match keys for place and person names: [`strict_key`] and
//! [`loose_key`].
//!
//! A key is a pure function of the string: no name lists inside. Two
//! spellings that get the same key are taken to transliterate the same
//! name.
//!
//! - The **strict** key folds case, diacritics, the ayn/hamza signs,
//!   separators, doubled letters and the Arabic article in all its Latin
//!   forms (al-, el-, ul-, assimilated ad-/ar-/as-/ash-/at-/az-/ez-/en-…,
//!   fused as in "Ezzor", half dropped as in "Deir e-Zor"). Vowels stay, so
//!   Daraa and Darayya keep different strict keys.
//! - The **loose** key is a consonant skeleton on which Arabic-script and
//!   Latin spellings meet: vowels and the weak letters ا و ي are dropped
//!   (و and ي stay as `w`/`y` next to an alef, and Latin w/y between
//!   vowels where Arabic would have one), consonants fall into classes
//!   (q/k/g/c, ch/sch/sh, dj/dsch/j, p/b, v/f, x/kh, th/t, dh/d, ص/س,
//!   ط/ت, ث/ت, ض/د, ذ/د, ظ/ز),
//!   a name that starts with a vowel, alef or ayn begins with `ʔ`, the
//!   ending -iya/ـية gives a final `y`, and a consonant repeated after a
//!   vowel is written after [`REPEAT`] (`ː`). A key of one to three
//!   classes ends with [`FINAL_A`], [`FINAL_I`] or [`FINAL_U`] when the
//!   name ends in a vowel (a e ا ى ة, i ي, o u و), since both scripts
//!   write a final vowel: Hilla and الحلة are `hlᵃ`, Hawl and الهول `hl`.
//!   A final n after i or u is written after [`LONG_I`] or [`LONG_U`]
//!   (-īn, -ūn, -ayn: Dibbin and ذيبين `dbᶦn`, Diban and ذيبان `dbn`),
//!   and so is the i (ī, ay, ي) or u (ū, و) before the last class of a
//!   key that ends in [`FINAL_A`] (Karima and الكريمة `krᶦmᵃ`, Karma
//!   `krmᵃ`; Chtaura and شتورة `shtᶸrᵃ`, Shatrah `shtrᵃ`).
//!   A key that keeps four classes or more after a further fold
//!   is written folded: h and kh are one class, gh is k, and the glides
//!   w and y go (Touz Hourmato and Tuz Khurmatu: `tzkhrmt`).
//!   Administrative words
//!   (Nahiyat, Markaz, Qada, ناحية, …) are left out of names of several
//!   words. "دير الزور", "Dayr az-Zawr" and "Deir al-Zour" all give
//!   `drzr`. `docs/formats/translit-keys.md` lists the whole alphabet.
//!
//! Both keys are idempotent (`key(key(x)) == key(x)`), never panic, and
//! allocate nothing beyond the output string once a thread's scratch
//! buffers have grown.
//!
//! ```
//! use tarjama_translit::keys::{loose_key, strict_key};
//!
//! assert_eq!(strict_key("Deir ez-Zor"), strict_key("Deir Ezzor"));
//! assert_eq!(strict_key("al-Mayadin"), strict_key("Mayadin"));
//! assert_ne!(strict_key("Daraa"), strict_key("Darayya"));
//! assert_eq!(loose_key("دير الزور"), loose_key("Deir al-Zour"));
//! assert_eq!(loose_key("البوكمال"), loose_key("Abu Kamal"));
//! assert_eq!(loose_key("Qamishli"), loose_key("Kamischli"));
//! ```

use std::cell::RefCell;
use std::ops::Range;

use unicode_normalization::char::{
    decompose_canonical, decompose_compatible, is_combining_mark,
};

use crate::latin;

/// Which key to compute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// [`strict_key`]: spelling details folded, vowels kept.
    Strict,
    /// [`loose_key`]: cross-script consonant skeleton.
    #[default]
    Loose,
}

/// The strict key of `name`. See the [module docs](self).
pub fn strict_key(name: &str) -> String {
    let mut out = String::new();
    strict_key_into(name, &mut out);
    out
}

/// The loose key of `name`. See the [module docs](self).
pub fn loose_key(name: &str) -> String {
    let mut out = String::new();
    loose_key_into(name, &mut out);
    out
}

/// The key of `name` at `level`.
pub fn key(name: &str, level: Level) -> String {
    let mut out = String::new();
    key_into(name, level, &mut out);
    out
}

/// Writes the key of `name` at `level` into `out` (cleared first).
pub fn key_into(name: &str, level: Level, out: &mut String) {
    match level {
        Level::Strict => strict_key_into(name, out),
        Level::Loose => loose_key_into(name, out),
    }
}

/// Writes the strict key of `name` into `out`, which is cleared first.
/// Reusing `out` across calls avoids allocation.
pub fn strict_key_into(name: &str, out: &mut String) {
    out.clear();
    with_prepared(name, true, |prep, letters| strict_all(prep, letters, out));
}

/// Writes the loose key of `name` into `out`, which is cleared first.
/// Reusing `out` across calls avoids allocation.
pub fn loose_key_into(name: &str, out: &mut String) {
    out.clear();
    with_prepared(name, true, |prep, letters| loose_all(prep, letters, out));
}

/// Keys a text word by word, for taggers that look for names in running
/// text. Calls `each(byte_range, key)` for every word of `text`, in order,
/// where `byte_range` locates the word in `text`. A word that is only an
/// article (the "al" of "al Raqqa") gets an empty key; a fused article
/// ("Alraqqa", "الرقة") is removed from the word's key as in
/// [`strict_key`]/[`loose_key`]. Running text keeps the conjunction
/// و/wa that a whole name's key leaves out. The strict key of a
/// multi-word name is the concatenation of its words' keys; its loose
/// key may differ from theirs by the final-vowel mark, by a class
/// that ends one word and starts the next (written twice, after
/// [`REPEAT`]), and by the fold of a key of four classes or more (the
/// words' keys are not folded).
///
/// ```
/// use tarjama_translit::keys::{for_each_word_key, Level, loose_key};
///
/// let text = "shelling near Deir ez-Zor";
/// let mut words = Vec::new();
/// for_each_word_key(text, Level::Loose, |range, key| {
///     words.push((text[range].to_string(), key.to_string()));
/// });
/// assert_eq!(words[2], ("Deir".to_string(), "dr".to_string()));
/// assert_eq!(words[3].1, "");
/// let joined: String = words[2..].iter().map(|w| w.1.as_str()).collect();
/// assert_eq!(joined, loose_key("Deir ez-Zor"));
/// ```
pub fn for_each_word_key(
    text: &str,
    level: Level,
    mut each: impl FnMut(Range<usize>, &str),
) {
    let mut key = String::new();
    with_prepared(text, false, |prep, letters| {
        for idx in 0..prep.len() {
            key.clear();
            match level {
                Level::Strict => strict_word(prep, idx, letters, &mut key),
                Level::Loose => {
                    let mut sink = LooseSink::default();
                    loose_word(prep, idx, letters, &mut |ev| {
                        sink.take(ev, &mut key)
                    });
                }
            }
            if let Some(span) = prep.spans.get(idx) {
                each(span.bytes.clone(), &key);
            }
        }
    });
}

// ---------------------------------------------------------------------
// Preparation: the name cut into words of folded characters.

/// One word of a prepared name.
#[derive(Clone, Debug)]
pub(crate) struct Span {
    /// Range in `Prepared::chars`.
    pub(crate) chars: Range<usize>,
    /// Range in the input, in bytes.
    pub(crate) bytes: Range<usize>,
    /// Arabic-script word.
    pub(crate) arabic: bool,
    /// Latin word ending in é, the French spelling of a final vowel that
    /// is heard (Tiné is تينة), not the silent e of -ine.
    pub(crate) acute_end: bool,
}

/// The word being built by [`Prepared::fill`].
#[derive(Clone, Copy, Debug)]
struct Open {
    start_char: usize,
    start_byte: usize,
    end_byte: usize,
    arabic: bool,
}

/// A name cut into words. Latin words hold lower-case ASCII letters and
/// digits, `'` for an ayn/hamza sign, `ş`/`ç` (kept because they mean
/// different things in BGN and in Turkish/Kurdish spelling), `ʔ` (the
/// loose key's word-onset mark) and lower-cased letters of other scripts.
/// Arabic words hold base letters with alef forms unified (أ إ آ ٱ → ا),
/// hamza seats as ء, Persian/Kurdish letters mapped, and no diacritics or
/// tatweel.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    pub(crate) chars: Vec<char>,
    pub(crate) spans: Vec<Span>,
    /// The name uses BGN/ALA-LC/DIN marks (macron, dot or line below,
    /// cedilla on h t d z g): ş is then ṣ (ص), not the Turkish ş (sh).
    pub(crate) scholarly: bool,
    /// The name uses Turkish or Kurdish letters (ç ğ ı ö ü ê î û): ş is
    /// sh and c is j.
    pub(crate) turkic: bool,
    /// Filled as a whole name, not as running text (see [`Self::fill`]).
    name_only: bool,
    open: Option<Open>,
    /// Where in `chars` the last e written with an acute accent is.
    acute_at: Option<usize>,
}

impl Prepared {
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn word(&self, idx: usize) -> &[char] {
        match self.spans.get(idx) {
            Some(span) => self.chars.get(span.chars.clone()).unwrap_or(&[]),
            None => &[],
        }
    }

    pub(crate) fn is_arabic(&self, idx: usize) -> bool {
        self.spans.get(idx).is_some_and(|s| s.arabic)
    }

    fn acute_end(&self, idx: usize) -> bool {
        self.spans.get(idx).is_some_and(|s| s.acute_end)
    }

    /// Cuts `name` into words. With `name_only`, a comma (`,` `،`) or an
    /// opening bracket after the first word starts a qualifier, which is
    /// left out ("Zahle, Lebanon", "زحلة، لبنان", "Biblos (Jbeil)").
    pub(crate) fn fill(&mut self, name: &str, name_only: bool) {
        self.chars.clear();
        self.spans.clear();
        self.scholarly = false;
        self.turkic = false;
        self.name_only = name_only;
        self.open = None;
        self.acute_at = None;
        self.chars.reserve(name.len());
        for (pos, c) in name.char_indices() {
            // Fast path: an ASCII letter or digit inside a Latin word.
            if c.is_ascii_alphanumeric() {
                if let Some(open) = self.open.as_mut() {
                    if !open.arabic {
                        open.end_byte = pos + 1;
                        self.chars.push(c.to_ascii_lowercase());
                        continue;
                    }
                }
            } else if name_only
                && matches!(c, ',' | '،' | '(' | '[')
                && (self.open.is_some() || !self.spans.is_empty())
            {
                break;
            }
            self.add(c, pos, pos + c.len_utf8());
        }
        self.close();
    }

    fn add(&mut self, c: char, pos: usize, end: usize) {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                self.push(c.to_ascii_lowercase(), false, pos, end);
            } else if c == '\'' || c == '`' {
                self.push_sign(pos, end);
            } else {
                self.close();
            }
            return;
        }
        if matches!(c, 'é' | 'É') {
            self.push('e', false, pos, end);
            self.acute_at = self.chars.len().checked_sub(1);
            return;
        }
        if let Some((base, scholarly)) = common_latin(c) {
            self.scholarly |= scholarly;
            for d in base.chars() {
                self.push(d, false, pos, end);
            }
            return;
        }
        if let Some(a) = arabic_letter(c) {
            self.push(a, true, pos, end);
            return;
        }
        if matches!(
            c,
            'ç' | 'Ç'
                | 'ğ'
                | 'Ğ'
                | 'ı'
                | 'ö'
                | 'Ö'
                | 'ü'
                | 'Ü'
                | 'ê'
                | 'Ê'
                | 'î'
                | 'Î'
                | 'û'
                | 'Û'
        ) {
            self.turkic = true;
        }
        if is_arabic_mark(c) || crate::normalize::is_invisible(c) {
            // Inside a word: no split, nothing kept.
            self.extend(end);
            return;
        }
        if let Some(d) = arabic_digit(c) {
            self.push(d, false, pos, end);
            return;
        }
        if c == 'ʔ' {
            match self.open {
                // Inside an Arabic word the onset mark, like a sign, is
                // dropped without a split: a strict key, which drops it,
                // would otherwise join two words that its input kept
                // apart.
                Some(open) if open.arabic => self.extend(end),
                _ => self.push('ʔ', false, pos, end),
            }
            return;
        }
        if latin::is_ayn_hamza_sign(c) {
            self.push_sign(pos, end);
            return;
        }
        if matches!(c, 'ş' | 'Ş' | 'ș' | 'Ș') {
            self.push('ş', false, pos, end);
            return;
        }
        if matches!(c, 'ç' | 'Ç') {
            self.push('ç', false, pos, end);
            return;
        }
        if is_presentation_form(c) {
            // Rare: a ligature may hold many letters (ﷺ has 18).
            let mut parts = Vec::new();
            decompose_compatible(c, |d| parts.push(d));
            // The parts of one ligature stay in one word (ﷺ has spaces).
            for d in parts {
                if !is_presentation_form(d) && !d.is_whitespace() {
                    self.add(d, pos, end);
                }
            }
            return;
        }
        if let Some(s) = latin::special_letter(c) {
            for d in s.chars() {
                self.push(d, false, pos, end);
            }
            return;
        }
        if matches!(c, 'ˈ' | 'ˌ') {
            // Stress marks of phonetic spellings (Rakˌkˌa).
            self.extend(end);
            return;
        }
        if is_combining_mark(c) {
            if let Some(prev) = self.chars.last().copied() {
                self.mark_on(prev, c);
            }
            self.extend(end);
            return;
        }
        if !c.is_alphanumeric() {
            self.close();
            return;
        }
        let mut base = [None::<char>; 4];
        let mut n = 0;
        let mut marks = [None::<char>; 4];
        let mut m = 0;
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                if let Some(slot) = marks.get_mut(m) {
                    *slot = Some(d);
                }
                m += 1;
            } else {
                if let Some(slot) = base.get_mut(n) {
                    *slot = Some(d);
                }
                n += 1;
            }
        });
        // A singleton decomposition is that character (the Greek
        // numeral sign is the prime ʹ, an ayn/hamza sign).
        if let [Some(single), None, None, None] = base {
            if m == 0 && single != c {
                self.add(single, pos, end);
                return;
            }
        }
        if let Some(first) = base.first().copied().flatten() {
            for mark in marks.into_iter().flatten() {
                self.mark_on(first, mark);
            }
        }
        let mut any = false;
        for d in base.into_iter().flatten() {
            any = true;
            if d.is_ascii_alphanumeric() {
                self.push(d.to_ascii_lowercase(), false, pos, end);
            } else if let Some(s) = latin::special_letter(d) {
                for e in s.chars() {
                    self.push(e, false, pos, end);
                }
            } else if matches!(d, 'ş' | 'Ş') {
                self.push('ş', false, pos, end);
            } else {
                self.push_lower(d, pos, end);
            }
        }
        if !any {
            self.push_lower(c, pos, end);
        }
    }

    /// Pushes the lower case of `c`, itself folded when it differs (Ƚ →
    /// ƚ → l), so that folding twice changes nothing.
    fn push_lower(&mut self, c: char, pos: usize, end: usize) {
        for e in c.to_lowercase() {
            if e == c || !e.is_alphanumeric() {
                self.push(e, false, pos, end);
            } else {
                self.add(e, pos, end);
            }
        }
    }

    fn mark_on(&mut self, base: char, mark: char) {
        if mark == '\u{0301}' && matches!(base, 'e' | 'E') {
            self.acute_at = self.chars.len().checked_sub(1);
        }
        let scholarly = match mark {
            // macron, dot below, line below, breve below
            '\u{0304}' | '\u{0323}' | '\u{0331}' | '\u{032E}' => true,
            // caron (DIN š ǧ), not on c (Kurdish/Czech č)
            '\u{030C}' => !matches!(base, 'c' | 'C'),
            // cedilla or comma below on letters other than s and c
            '\u{0327}' | '\u{0326}' => !matches!(base, 's' | 'S' | 'c' | 'C'),
            _ => false,
        };
        self.scholarly |= scholarly;
    }

    fn push_sign(&mut self, pos: usize, end: usize) {
        match self.open {
            // A sign inside an Arabic word is dropped.
            Some(open) if open.arabic => self.extend(end),
            _ => self.push('\'', false, pos, end),
        }
    }

    fn push(&mut self, c: char, arabic: bool, pos: usize, end: usize) {
        // ة ends a word: a letter after it starts the next one, typed
        // without a space (معرةالنعمان is معرة النعمان).
        let after_teh_marbuta = arabic && self.chars.last() == Some(&'ة');
        match self.open {
            Some(open) if open.arabic == arabic && !after_teh_marbuta => {}
            _ => {
                self.close();
                self.open = Some(Open {
                    start_char: self.chars.len(),
                    start_byte: pos,
                    end_byte: end,
                    arabic,
                });
            }
        }
        self.chars.push(c);
        self.extend(end);
    }

    fn extend(&mut self, end: usize) {
        if let Some(open) = self.open.as_mut() {
            open.end_byte = end;
        }
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            // A word made only of signs is no word.
            let chars = open.start_char..self.chars.len();
            let only_signs = self
                .chars
                .get(chars.clone())
                .is_none_or(|w| w.iter().all(|&c| c == '\''));
            if only_signs {
                self.chars.truncate(open.start_char);
                return;
            }
            let acute_end = self.acute_at.is_some_and(|a| a + 1 == chars.end);
            self.spans.push(Span {
                chars,
                bytes: open.start_byte..open.end_byte,
                arabic: open.arabic,
                acute_end,
            });
        }
    }
}

/// The accented Latin letters of romanized Arabic, folded without a
/// decomposition lookup: the base letters, and whether the mark is one of
/// the scholarly systems (BGN/PCGN, ALA-LC, DIN 31635). The DIN letters
/// š ǧ ḫ ġ ṯ ḏ, and č ž, are spelled out as digraphs.
fn common_latin(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        'ā' | 'Ā' => ("a", true),
        'ī' | 'Ī' => ("i", true),
        'ū' | 'Ū' => ("u", true),
        'ē' | 'Ē' => ("e", true),
        'ō' | 'Ō' => ("o", true),
        'ḩ' | 'Ḩ' | 'ḥ' | 'Ḥ' | 'ẖ' => ("h", true),
        'ţ' | 'Ţ' | 'ṭ' | 'Ṭ' | 'ț' | 'Ț' => ("t", true),
        'ḑ' | 'Ḑ' | 'ḍ' | 'Ḍ' => ("d", true),
        'ẓ' | 'Ẓ' => ("z", true),
        'ṣ' | 'Ṣ' => ("s", true),
        'š' | 'Š' => ("sh", true),
        'ǧ' | 'Ǧ' => ("j", true),
        'ḫ' | 'Ḫ' => ("kh", true),
        'ġ' | 'Ġ' => ("gh", true),
        'ṯ' | 'Ṯ' => ("th", true),
        'ḏ' | 'Ḏ' => ("dh", true),
        'č' | 'Č' => ("ch", false),
        'ž' | 'Ž' => ("zh", false),
        'á' | 'Á' | 'à' | 'À' | 'â' | 'Â' | 'ä' | 'Ä' | 'ã' | 'Ã' | 'å'
        | 'Å' => ("a", false),
        'é' | 'É' | 'è' | 'È' | 'ë' | 'Ë' => ("e", false),
        'í' | 'Í' | 'ì' | 'Ì' | 'ï' | 'Ï' => ("i", false),
        'ó' | 'Ó' | 'ò' | 'Ò' | 'ô' | 'Ô' | 'õ' | 'Õ' => ("o", false),
        'ú' | 'Ú' | 'ù' | 'Ù' => ("u", false),
        'ý' | 'Ý' | 'ÿ' => ("y", false),
        'ñ' | 'Ñ' => ("n", false),
        _ => return None,
    })
}

/// Arabic letters, normalized: alef forms to ا, hamza seats to ء,
/// Persian and Kurdish letters to their Arabic counterparts.
fn arabic_letter(c: char) -> Option<char> {
    if !('\u{0621}'..='\u{06FF}').contains(&c) {
        return None;
    }
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        'ء' | 'ؤ' | 'ئ' | 'ٴ' | 'ٶ' | 'ٸ' => 'ء',
        'ى' | 'ې' => 'ى',
        'ي' | 'ی' | 'ۍ' | 'ۑ' => 'ي',
        'ك' | 'ک' | 'ڪ' | 'گ' | 'ڭ' | 'ګ' => 'ك',
        // Kurdish ە and ێ are the vowels e and ê, not h and y; kept
        // apart from ا, since a و or ي beside them is no consonant
        // (سەيد is Seyid), and read as Latin e (ئاكرێ is Akre).
        'ە' | 'ێ' => 'ە',
        'ه' | 'ھ' | 'ہ' | 'ۀ' | 'ۂ' => 'ه',
        'ة' | 'ۃ' => 'ة',
        'و' | 'ۆ' | 'ۇ' | 'ۈ' | 'ۋ' | 'ۉ' | 'ۏ' => 'و',
        'پ' => 'ب',
        'چ' => 'ش',
        'ڤ' | 'ڥ' => 'ف',
        'ژ' => 'ز',
        'ڕ' => 'ر',
        'ڵ' => 'ل',
        '\u{0628}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => c,
        '\u{066E}' => 'ب',
        '\u{066F}' => 'ق',
        // Other letters of the block (ے, ڭ, …) are kept as they are.
        c if c.is_alphabetic() && !is_arabic_mark(c) => c,
        _ => return None,
    })
}

/// Arabic diacritics, Quranic marks and tatweel: dropped inside a word.
fn is_arabic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{0640}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
    )
}

fn arabic_digit(c: char) -> Option<char> {
    let d = match c {
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    char::from_digit(d, 10)
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[derive(Debug, Default)]
struct Scratch {
    prep: Prepared,
    letters: Vec<char>,
}

/// Runs `f` on `name` prepared in this thread's scratch buffers (or in
/// fresh ones when those are in use further up the stack).
pub(crate) fn with_prepared<R>(
    name: &str,
    name_only: bool,
    mut f: impl FnMut(&Prepared, &mut Vec<char>) -> R,
) -> R {
    let reused = SCRATCH.try_with(|cell| {
        let mut scratch = cell.try_borrow_mut().ok()?;
        let Scratch { prep, letters } = &mut *scratch;
        prep.fill(name, name_only);
        Some(f(prep, letters))
    });
    match reused {
        Ok(Some(result)) => result,
        _ => {
            let mut prep = Prepared::default();
            prep.fill(name, name_only);
            f(&prep, &mut Vec::new())
        }
    }
}

// ---------------------------------------------------------------------
// The article and other word-level rules.

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Latin consonant letter (ASCII or the kept ş/ç).
fn is_latin_consonant(c: char) -> bool {
    (c.is_ascii_lowercase() && !is_vowel(c)) || matches!(c, 'ş' | 'ç')
}

/// The letters of a Latin word, signs left out, ş and ç as s and c.
fn latin_letters(word: &[char]) -> impl Iterator<Item = char> + '_ {
    word.iter().filter(|&&c| c != '\'' && c != 'ʔ').map(|&c| match c {
        'ş' => 's',
        'ç' => 'c',
        c => c,
    })
}

/// The first letters of a Latin word (`'\0'` past its end) and its
/// length in letters, counted up to 7 (the rules only ask whether a word
/// is shorter than that).
#[inline(always)]
fn head(word: &[char]) -> ([char; 6], usize) {
    let mut out = ['\0'; 6];
    let mut n = 0;
    for c in latin_letters(word) {
        if let Some(slot) = out.get_mut(n) {
            *slot = c;
        }
        n += 1;
        if n >= 7 {
            break;
        }
    }
    (out, n)
}

/// The [`head`] `w` (of `len` letters) of a word that may be an article:
/// Russian spellings write the article's e as eh (Ehl'-Karak,
/// Ehd-Divanija, Ehs-Sanamejn), read here as e.
#[inline(always)]
fn article_head(mut w: [char; 6], len: usize) -> ([char; 6], usize) {
    if w[0] == 'e' && w[1] == 'h' && (3..=4).contains(&len) {
        w.copy_within(2.., 1);
        w[5] = '\0';
        return (w, len - 1);
    }
    (w, len)
}

/// Consonant spellings an assimilated article can end with: the sun
/// letters in their Latin, French and German forms.
const SUN: &[&str] = &[
    "t", "th", "d", "dh", "r", "z", "s", "sh", "ch", "sch", "l", "n", "ts",
    "dz", "j",
];

/// Is Latin word `w` (its head and length) an article before a word
/// starting with `next`? al/el/il/ul/ol/l; a lone vowel (Deir e-Zor); a
/// vowel plus the sun consonant the next word starts with (ez-Zor,
/// ash-Sham, an-Nabk), written twice in French (ett Tine), and the
/// colloquial ej before j (Ej Janoudiye).
fn is_latin_article(w: &[char; 6], len: usize, next: &[char; 6]) -> bool {
    match len {
        1 => is_vowel(w[0]) || w[0] == 'l',
        2 if w[1] == 'l' && is_vowel(w[0]) => true,
        2..=4 if is_vowel(w[0]) => {
            let end = if len == 3 && w[1] == w[2] { 2 } else { len };
            let rest = w.get(1..end).unwrap_or(&[]);
            // The next word starts with `rest` (the cheap test, which
            // most words fail; `rest` is shorter than `next`, and a
            // slice comparison would be a call to memcmp), and `rest` is
            // a sun spelling.
            rest.iter().zip(next).all(|(a, b)| a == b)
                && SUN.iter().any(|s| s.chars().eq(rest.iter().copied()))
        }
        _ => false,
    }
}

/// Is Latin word `idx` an article standing before the next word?
fn is_standalone_article(prep: &Prepared, idx: usize) -> bool {
    if prep.is_arabic(idx) || idx + 1 >= prep.len() || prep.is_arabic(idx + 1)
    {
        return false;
    }
    let (w, len) = head(prep.word(idx));
    let (w, len) = article_head(w, len);
    len <= 4
        && (is_vowel(w[0]) || w[0] == 'l')
        && is_latin_article(&w, len, &head(prep.word(idx + 1)).0)
}

/// How many leading letters of Latin word `idx` are an article fused to
/// it ("Ezzor" after another word, "Albukamal", "Elmina"); `None` when
/// the whole word is an article standing before the next word.
#[inline(always)]
fn latin_article_skip(prep: &Prepared, idx: usize) -> Option<usize> {
    let word = prep.word(idx);
    // Every rule needs a word that starts with a vowel or l, but for the
    // conjunction "and" between two words (Nabatiye va Tahta). Most
    // words start with another letter: they are answered here, inlined
    // into the callers, and the rules are a call.
    match latin_letters(word).next() {
        Some(c) if is_vowel(c) || c == 'l' => article_rules(prep, idx, word),
        // Between two Latin words only: next to Arabic words, which a
        // strict key keeps apart from it, a key keyed again would read
        // as a conjunction what was none (خwaح).
        Some('w' | 'v')
            if prep.name_only
                && idx > 0
                && idx + 1 < prep.len()
                && !prep.is_arabic(idx - 1)
                && !prep.is_arabic(idx + 1)
                && matches!(word, ['w' | 'v', 'a' | 'e']) =>
        {
            None
        }
        _ => Some(0),
    }
}

/// Whether the next word after `idx` that a strict key keeps is Arabic
/// (words of onset marks and signs only leave nothing in it).
fn next_is_arabic(prep: &Prepared, idx: usize) -> bool {
    (idx + 1..prep.len())
        .find(|&i| {
            prep.is_arabic(i)
                || prep.word(i).iter().any(|&c| !matches!(c, 'ʔ' | '\''))
        })
        .is_some_and(|i| prep.is_arabic(i))
}

/// [`latin_article_skip`] for Latin word `idx`, `word`, which starts
/// with a vowel or l.
#[inline(never)]
fn article_rules(prep: &Prepared, idx: usize, word: &[char]) -> Option<usize> {
    let (w, len) = head(word);
    let (aw, alen) = article_head(w, len);
    if alen <= 4 && idx + 1 < prep.len() && !prep.is_arabic(idx + 1) {
        let (next, _) = head(prep.word(idx + 1));
        if is_latin_article(&aw, alen, &next) {
            return None;
        }
    }
    let mut skip = 0;
    // "Deir Ezzor", "Bab Essalam": vowel + doubled sun letter, not in
    // the first word (Assad, Ammar), not after an ayn sign (El ‘Attara
    // is العطارة) and not after an article.
    if idx > 0
        && len >= 5
        && is_vowel(w[0])
        && word.first() != Some(&'\'')
        && !is_standalone_article(prep, idx - 1)
    {
        if w[1] == w[2] && matches!(w[1], 't' | 'd' | 'r' | 'z' | 's' | 'n') {
            skip = 2;
        } else if w[1..5] == ['s', 'h', 's', 'h'] {
            skip = 3;
        }
    }
    // "Albukamal", "Alhasakah", "Elmina": al/el + consonant. The loop
    // (over the whole word, so it is done on a copy) keeps the rule
    // idempotent ("Alalbab").
    // An i before a vowel is the consonant y there (Elias is al-Yas,
    // الياس, as Elyas is).
    let fused_al = |w: &[char; 6], len: usize| {
        len >= 3
            && matches!(w[0], 'a' | 'e')
            && w[1] == 'l'
            && (is_latin_consonant(w[2])
                || (len >= 5 && w[2] == 'i' && is_vowel(w[3])))
    };
    // An ayn sign before it makes the a a letter of the name (Al
    // ‘Alkanah is العلكانة).
    if skip == 0 && word.first() != Some(&'\'') && fused_al(&w, len) {
        loop {
            let (w, len) = head(drop_letters(word, skip));
            if fused_al(&w, len) {
                skip += 2;
            } else {
                break;
            }
        }
    }
    Some(skip)
}

/// Words for administrative units and camps, and Khirbat "ruin of", in
/// Latin spellings: the loose key leaves them out of a name of several
/// words ("Nahiyat al Iskandariyah" is "Iskandariyah", "Yarmouk Camp" is
/// "Yarmouk", "Khirbet Ghazaleh" is "Ghazaleh"). These are generic words,
/// not place names.
const ADMIN_WORDS: &[&str] = &[
    "camp",
    "caza",
    "district",
    "gouvernorat",
    "governorate",
    "hayy",
    "kada",
    "kaza",
    "kharbat",
    "kharbet",
    "kherbet",
    "kheurbet",
    "khirba",
    "khirbat",
    "khirbeh",
    "khirbet",
    "khirbit",
    "khurbet",
    "liwa",
    "liwaa",
    "markaz",
    "mintaqat",
    "mohafazat",
    "mokhayam",
    "mouhafazat",
    "muhafaza",
    "muhafazah",
    "muhafazat",
    "mukhayam",
    "mukhayyam",
    "nahia",
    "nahie",
    "nahiya",
    "nahiyah",
    "nahiyat",
    "nahiye",
    "province",
    "qada",
    "qadaa",
    "qadha",
    "qariyat",
    "qaryat",
    "qaryet",
    "qaza",
    "subdistrict",
];

/// The same words in Arabic script (after the article is taken off).
const ADMIN_WORDS_AR: &[&str] = &[
    "حي",
    "خربة",
    "خربه",
    "قرية",
    "قضا",
    "قضاء",
    "لواء",
    "محافظة",
    "مخيم",
    "مركز",
    "منطقة",
    "ناحية",
];

/// For each first letter a..z, the lengths (as bits) of the
/// [`ADMIN_WORDS`] that start with it: most words are turned away by
/// this table before they are spelled out and looked up. (Built at
/// compile time, where an index out of bounds is a build error, not a
/// panic.)
#[allow(clippy::indexing_slicing)]
const ADMIN_LENGTHS: [u32; 26] = {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < ADMIN_WORDS.len() {
        let w = ADMIN_WORDS[i].as_bytes();
        if !w.is_empty() && w[0].is_ascii_lowercase() && w.len() < 32 {
            table[(w[0] - b'a') as usize] |= 1 << w.len();
        }
        i += 1;
    }
    table
};

/// The same for [`ADMIN_WORDS_AR`], for each letter of U+0620..U+064F
/// (the base letters ء..ي): Arabic words are short, so the lengths
/// turn away most of those that share a first letter with an
/// administrative word (م, ق, …).
#[allow(clippy::indexing_slicing)]
const ADMIN_LENGTHS_AR: [u32; 0x30] = {
    let mut table = [0u32; 0x30];
    let mut i = 0;
    while i < ADMIN_WORDS_AR.len() {
        let w = ADMIN_WORDS_AR[i].as_bytes();
        // The first letter, a two-byte UTF-8 sequence, and the number of
        // letters (bytes that start one).
        let first = ((w[0] as u32 & 0x1F) << 6) | (w[1] as u32 & 0x3F);
        let mut letters = 0;
        let mut b = 0;
        while b < w.len() {
            if w[b] & 0xC0 != 0x80 {
                letters += 1;
            }
            b += 1;
        }
        table[(first - 0x0620) as usize] |= 1 << letters;
        i += 1;
    }
    table
};

/// Where the [`ADMIN_WORDS`] that start with each letter a..z begin in
/// the sorted list; those of letter `i` are `ADMIN_STARTS[i]..
/// ADMIN_STARTS[i + 1]`, so that a word is compared with a few of them
/// only. (Built at compile time, as [`ADMIN_LENGTHS`].)
#[allow(clippy::indexing_slicing)]
const ADMIN_STARTS: [usize; 27] = {
    let mut table = [0usize; 27];
    let mut letter = 0;
    while letter < 27 {
        let mut i = 0;
        while i < ADMIN_WORDS.len()
            && !ADMIN_WORDS[i].is_empty()
            && ((ADMIN_WORDS[i].as_bytes()[0] as usize)
                < b'a' as usize + letter)
        {
            i += 1;
        }
        table[letter] = i;
        letter += 1;
    }
    table
};

#[inline(always)]
fn is_admin_word(prep: &Prepared, idx: usize) -> bool {
    // This runs on every word of every name of several words: cheap
    // tests of the first letter and the length first (here, inlined
    // into the caller), then the few words of the lists that pass them
    // are compared letter by letter.
    let word = prep.word(idx);
    if prep.is_arabic(idx) {
        return (2..=14).contains(&word.len()) && is_admin_arabic(prep, idx);
    }
    let first = match word.first() {
        Some(&c) if c.is_ascii_lowercase() => c as usize - 'a' as usize,
        _ => return false,
    };
    match ADMIN_LENGTHS.get(first) {
        Some(&lengths) if lengths != 0 => is_admin_latin(word, first, lengths),
        _ => false,
    }
}

/// [`is_admin_word`] for Arabic word `idx`.
#[inline(never)]
fn is_admin_arabic(prep: &Prepared, idx: usize) -> bool {
    let Some(core) = arabic_core(prep, idx) else { return false };
    let Some(&first) = core.first() else { return false };
    let lengths = (first as usize)
        .checked_sub(0x0620)
        .and_then(|i| ADMIN_LENGTHS_AR.get(i))
        .copied()
        .unwrap_or(0);
    if core.len() >= 32 || lengths & (1 << core.len()) == 0 {
        return false;
    }
    ADMIN_WORDS_AR.iter().any(|w| w.chars().eq(core.iter().copied()))
}

/// [`is_admin_word`] for Latin word `word`, whose first letter is
/// number `first` (a is 0) with the `lengths` of [`ADMIN_LENGTHS`].
#[inline(never)]
fn is_admin_latin(word: &[char], first: usize, lengths: u32) -> bool {
    // Signs inside the word do not count as letters.
    let letters = if word.contains(&'\'') {
        latin_letters(word).count()
    } else {
        word.len()
    };
    if letters >= 32 || lengths & (1 << letters) == 0 {
        return false;
    }
    let start = ADMIN_STARTS.get(first).copied().unwrap_or(0);
    let end = ADMIN_STARTS.get(first + 1).copied().unwrap_or(0);
    ADMIN_WORDS
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .any(|w| w.bytes().map(char::from).eq(latin_letters(word)))
}

/// Drops `skip` letters (and the signs among them) from the start of
/// `word`.
fn drop_letters(word: &[char], skip: usize) -> &[char] {
    let mut seen = 0;
    for (i, &c) in word.iter().enumerate() {
        if seen == skip {
            return word.get(i..).unwrap_or(&[]);
        }
        if c != '\'' && c != 'ʔ' {
            seen += 1;
        }
    }
    &[]
}

/// What is left of Arabic word `idx` once the article is taken off;
/// `None` when the word is a lone article before another Arabic word.
fn arabic_core(prep: &Prepared, idx: usize) -> Option<&[char]> {
    let mut word = prep.word(idx);
    let inner = idx > 0 && idx + 1 < prep.len();
    // Patterns, not slice equality: this runs on every Arabic word, and
    // a comparison with a slice is a call to memcmp.
    if matches!(word, ['ا', 'ل']) && next_is_arabic(prep, idx) {
        return None;
    }
    // So is a conjunction and article standing alone before an Arabic
    // word after another word: a strict key joins the two, and keyed
    // again would read والتن as و + ال + تن.
    if matches!(word, ['و', 'ا', 'ل'])
        && inner
        && prep.name_only
        && next_is_arabic(prep, idx)
    {
        return None;
    }
    // The conjunction و between two words of a name, alone or on an
    // article (النبطية والطهطا is An Nabatiyah at Tahta). Running text
    // keeps it: taggers strip proclitics themselves. A lone و between
    // Latin words is no conjunction (and a strict key, whose Arabic
    // words are joined, can hold one only there).
    if matches!(word, ['و'])
        && inner
        && prep.name_only
        && prep.is_arabic(idx - 1)
        && prep.is_arabic(idx + 1)
    {
        return None;
    }
    // The article, and the conjunction on an article after the first
    // word, as often as they stand (الوال…: keyed again, what one pass
    // left would lose them).
    loop {
        match word {
            ['ا', 'ل', rest @ ..] if word.len() >= 3 => word = rest,
            ['و', 'ا', 'ل', rest @ ..]
                if idx > 0 && word.len() >= 5 && prep.name_only =>
            {
                word = rest;
            }
            _ => break,
        }
    }
    Some(word)
}

// ---------------------------------------------------------------------
// Strict key.

// The last character is decoded and compared: `ends_with`, which
// clippy suggests, encodes `c` and calls memcmp for every letter of the
// key.
#[allow(clippy::chars_last_cmp)]
fn push_collapsed(out: &mut String, c: char) {
    if out.chars().next_back() != Some(c) {
        out.push(c);
    }
}

/// Appends the strict key of word `idx` to `out`.
fn strict_word(
    prep: &Prepared,
    idx: usize,
    _letters: &mut Vec<char>,
    out: &mut String,
) {
    if prep.is_arabic(idx) {
        let Some(word) = arabic_core(prep, idx) else { return };
        for &c in word {
            let c = match c {
                'ى' => 'ي',
                'ە' => 'ا',
                'ة' => 'ه',
                'ء' => continue,
                c => c,
            };
            push_collapsed(out, c);
        }
    } else {
        let Some(skip) = latin_article_skip(prep, idx) else { return };
        for c in latin_letters(drop_letters(prep.word(idx), skip)) {
            push_collapsed(out, c);
        }
    }
}

fn strict_all(prep: &Prepared, letters: &mut Vec<char>, out: &mut String) {
    for idx in 0..prep.len() {
        strict_word(prep, idx, letters, out);
    }
    settle_strict(out);
}

/// Makes a strict key a fixed point of the word rules when the joining
/// of words created a new article-like start ("ا" + "لزور"), which only
/// odd input does. Each round shortens the key, so this ends.
fn settle_strict(out: &mut String) {
    for _ in 0..8 {
        if !needs_settling(out) {
            return;
        }
        let again = strict_key_plain(out);
        if again == *out {
            return;
        }
        *out = again;
    }
}

fn needs_settling(key: &str) -> bool {
    // Runs of one script start where the script changes; any run that
    // starts like an article needs another round.
    let mut prev_arabic: Option<bool> = None;
    let mut chars = key.chars().peekable();
    let mut first_run = true;
    while let Some(c) = chars.next() {
        let arabic = arabic_letter(c).is_some();
        if prev_arabic != Some(arabic) {
            let next = chars.peek().copied();
            if arabic {
                if c == 'ا' && next == Some('ل') {
                    return true;
                }
            } else if matches!(c, 'a' | 'e') && next == Some('l')
                || (!first_run && is_vowel(c))
            {
                return true;
            }
            if prev_arabic.is_some() {
                first_run = false;
            }
            prev_arabic = Some(arabic);
        }
    }
    false
}

fn strict_key_plain(name: &str) -> String {
    let mut prep = Prepared::default();
    prep.fill(name, true);
    let mut out = String::with_capacity(name.len());
    for idx in 0..prep.len() {
        strict_word(&prep, idx, &mut Vec::new(), &mut out);
    }
    out
}

// ---------------------------------------------------------------------
// Loose key: a scanner turns a word into events, a sink turns events
// into a key (or, in `similarity`, into a weighted symbol string).

/// What the loose scanner sees in a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ev {
    /// A consonant class: b d f h j k l m n r s t z, `S` (sh), `X`
    /// (kh), `G` (gh), `w`/`y` at a word's start, digits, and letters of
    /// other scripts.
    Cons(char),
    /// The word starts with a vowel, alef, ayn or hamza.
    Onset,
    /// A vowel letter (Latin), a medial ا or ى, a final ة or ه, with its
    /// quality for the final-vowel mark: `'a'` (a e ا ى ة), `'i'`, `'u'`,
    /// or `'\0'` where the letter keeps the quality before it (the h of
    /// a final -ah, -ih).
    Vowel(char),
    /// y or w inside a word, or Arabic medial و/ي.
    Glide {
        /// `'w'` or `'y'`.
        ch: char,
        /// Consonantal for the loose key (not next to a vowel).
        loose: bool,
        /// Consonantal for similarity (between vowels, doubled, or an
        /// Arabic letter).
        strong: bool,
    },
    /// An ayn/hamza sign, or a medial ع or ء.
    Sign,
    /// The word ends in the nisba or feminine ending -iya/-iyah/-ieh/-ya
    /// (ـية ـيه ـيا): Jabalia, Nasiriyah, Darayya, Nabatieh. The loose key
    /// writes it as a final `y`, which keeps Jabalia from Jbeil and
    /// Darayya from Daraa.
    Ending,
}

/// Scans word `idx` of `prep` (after its article is taken off) into
/// events.
pub(crate) fn loose_word(
    prep: &Prepared,
    idx: usize,
    letters: &mut Vec<char>,
    emit: &mut impl FnMut(Ev),
) {
    if prep.len() > 1 && is_admin_word(prep, idx) {
        return;
    }
    if prep.is_arabic(idx) {
        let Some(mut word) = arabic_core(prep, idx) else { return };
        // أبو / ابو / البو / أبي (Abu, Albu, Abi): the alef is not an
        // onset.
        if let ['ا', 'ب', 'و', ..] | ['ا', 'ب', 'ي'] = word {
            word = word.get(1..).unwrap_or(&[]);
        }
        scan_arabic(word, emit);
    } else {
        let Some(mut skip) = latin_article_skip(prep, idx) else { return };
        let word = prep.word(idx);
        // Abu, Abou, Abo, Abi, and Abu fused (Abukamal): the a is not an
        // onset, so that Abu Kamal meets البوكمال and Al-Bukamal.
        let rest = drop_letters(word, skip);
        let (w, len) = if rest.first() == Some(&'a') {
            head(rest)
        } else {
            ([' '; 6], 0)
        };
        let abu = match w.get(..len.min(6)).unwrap_or(&[]) {
            ['a', 'b', 'u' | 'o' | 'i'] | ['a', 'b', 'o', 'u' | 'o'] => true,
            ['a', 'b', 'u', c, ..] | ['a', 'b', 'o', 'u', c, ..] => {
                !is_vowel(*c)
            }
            _ => false,
        };
        if abu {
            skip += 1;
        }
        let mut rest = drop_letters(word, skip);
        // After a fused article, an i before a vowel is y (Elias); Slavic
        // -ija is -iya (Divanija, Bajtunija). Both are copied out as y.
        let glide_i = skip > 0 && {
            let mut head = latin_letters(rest);
            head.next() == Some('i') && head.next().is_some_and(is_vowel)
        };
        let ija = slavic_ija(rest);
        if glide_i || ija.is_some() {
            letters.clear();
            letters.extend_from_slice(rest);
            if glide_i {
                if let Some(i) = letters.iter_mut().find(|c| **c == 'i') {
                    *i = 'y';
                }
            }
            if let Some(j) = ija.and_then(|pos| letters.get_mut(pos)) {
                *j = 'y';
            }
            rest = letters;
        }
        scan_latin(
            rest,
            LatinWord {
                scholarly: prep.scholarly,
                turkic: prep.turkic,
                followed: idx + 1 < prep.len(),
                acute_end: prep.acute_end(idx),
            },
            emit,
        );
    }
}

/// Where the j of a Slavic -ija/-ije(h) ending is in Latin word `l`, when
/// the word is spelled the Slavic way elsewhere too: a v (Arabic has
/// none), j after a vowel before a consonant (Bajt), or dz, sz, cz.
/// Hawija, with none of these, keeps its j.
fn slavic_ija(l: &[char]) -> Option<usize> {
    let end = l.len().saturating_sub(usize::from(l.last() == Some(&'h')));
    let tail = l.get(..end)?;
    let pos = match tail {
        [.., 'i', 'j', 'a' | 'e'] => end.saturating_sub(2),
        _ => return None,
    };
    let slavic = l.contains(&'v')
        || l.windows(3).any(|w| {
            matches!(w, &[a, 'j', c] if is_vowel(a) && is_latin_consonant(c))
        })
        || l.windows(2).any(|w| {
            matches!(w, ['d', 'z'] | ['s', 'z'] | ['c', 'z'])
        });
    slavic.then_some(pos)
}

fn scan_arabic(word: &[char], emit: &mut impl FnMut(Ev)) {
    let n = word.len();
    // How many letters the -iya ending takes (ـيا ـيه ـية, ـياء).
    let ending_len = match word {
        _ if n < 3 => 0,
        [.., 'ي', 'ا', 'ء'] if n >= 4 => 3,
        [.., 'ي', 'ا' | 'ى' | 'ه' | 'ە'] => 2,
        // ـية in a construct too (منشية بني حسن is Manshiyat Bani
        // Hasan, whose y Latin keeps as a consonant before the a).
        [.., 'ي', 'ة'] => 2,
        _ => 0,
    };
    let ending = ending_len > 0;
    for (i, &c) in word.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == n;
        // A letter written twice is one consonant (as with shadda).
        if i > 0 && word.get(i - 1) == Some(&c) {
            continue;
        }
        match c {
            'ا' | 'ء' | 'ع' | 'ى' | 'ە' if first => emit(Ev::Onset),
            'ا' | 'ى' | 'ە' => emit(Ev::Vowel('a')),
            // A final ayn after a consonant is heard with the a before
            // it, which Latin spellings write even when they leave the
            // ayn out (سعسع is Sa‘sa‘ and Saasa, جبع is Jaba‘ and Jeba).
            'ع' if last
                && !matches!(word.get(i.wrapping_sub(1)), Some('و' | 'ي')) =>
            {
                emit(Ev::Sign);
                emit(Ev::Vowel('a'));
            }
            'ء' | 'ع' => emit(Ev::Sign),
            'و' | 'ي' if first => {
                emit(Ev::Cons(if c == 'و' { 'w' } else { 'y' }))
            }
            'و' | 'ي' => {
                // Next to an alef, و and ي are consonants (Samawah, Zawiya,
                // Mayadin), except the ي of a final -iya.
                // A word-initial او or اي before a consonant is the
                // vowel ū, ī or a diphthong (أولا is Ula, ايدون Aydun).
                let initial_vowel = i == 1
                    && word.first() == Some(&'ا')
                    && word.get(i + 1).is_some_and(|&n| {
                        !matches!(n, 'ا' | 'و' | 'ي' | 'ى' | 'ة' | 'ە')
                    });
                // A final او or اي is the diphthong aw or ay (الفاو is
                // Al Faw and Fao).
                let final_diphthong = last && word.get(i - 1) == Some(&'ا');
                let by_alef = !initial_vowel
                    && !final_diphthong
                    && (word.get(i - 1) == Some(&'ا')
                        || matches!(word.get(i + 1), Some('ا' | 'ى'))
                        || (c == 'و'
                            && word.get(i + 1) == Some(&'ي')
                            && word.get(i + 2).is_some_and(|&n| {
                                !matches!(
                                    n,
                                    'ا' | 'ى' | 'ة' | 'ه' | 'ە' | 'و' | 'ي'
                                )
                            })));
                let in_ending = ending && i + ending_len == n;
                emit(Ev::Glide {
                    ch: if c == 'و' { 'w' } else { 'y' },
                    loose: by_alef && !in_ending,
                    strong: true,
                })
            }
            'ة' => emit(Ev::Vowel('a')),
            // A final ه (for ة) or ح reads like the -ah of Hamah and
            // Rafah, whose h the Latin side cannot tell apart; a ح after
            // و or ي like the h of -eih (Mleih, مليح), but a ه there is
            // still the ة (الحلوه is Hilweh).
            'ه' | 'ح' if last && !first => {
                let after_glide = c == 'ح'
                    && matches!(word.get(i.wrapping_sub(1)), Some('و' | 'ي'))
                    && word.get(i.wrapping_sub(2)) != Some(&'ا');
                emit(Ev::Vowel(if after_glide { '\0' } else { 'a' }))
            }
            // م before ب is heard as ن is there (mb): one class n.
            'م' if word.get(i + 1) == Some(&'ب') => emit(Ev::Cons('n')),
            'ث' => emit(Ev::Cons('t')),
            'ذ' => emit(Ev::Cons('d')),
            _ => emit(Ev::Cons(match c {
                'ب' => 'b',
                'ت' | 'ط' => 't',
                'ج' => 'j',
                'ح' | 'ه' => 'h',
                'خ' => 'X',
                'د' | 'ض' => 'd',
                'ر' => 'r',
                'ز' | 'ظ' => 'z',
                'س' | 'ص' => 's',
                'ش' => 'S',
                'غ' => 'G',
                'ف' => 'f',
                'ق' | 'ك' => 'k',
                'ل' => 'l',
                'م' => 'm',
                'ن' => 'n',
                other => other,
            })),
        }
    }
    if ending {
        emit(Ev::Ending);
    }
}

/// What [`scan_latin`] knows of a Latin word besides its letters.
#[derive(Clone, Copy)]
struct LatinWord {
    /// The name uses the marks of the scholarly systems.
    scholarly: bool,
    /// The name uses Turkish or Kurdish letters.
    turkic: bool,
    /// Another word follows this one.
    followed: bool,
    /// The word ends in é.
    acute_end: bool,
}

fn scan_latin(l: &[char], word: LatinWord, emit: &mut impl FnMut(Ev)) {
    let LatinWord { scholarly, turkic, followed, acute_end } = word;
    // BGN writes ص as ş; Turkish and Kurdish write ش so (Qamişlo,
    // Şeqlawe, Şeyhun: BGN writes no o or e).
    let s_cedilla = if turkic
        || (!scholarly && l.iter().any(|&c| matches!(c, 'o' | 'e')))
    {
        'S'
    } else {
        's'
    };
    let at = |i: usize| l.get(i).copied().unwrap_or('\0');
    let is_letter = |c: char| c != '\'' && c != '\0';
    // Neighbouring letters, skipping signs.
    let prev_letter = |i: usize| {
        l.get(..i).and_then(|s| s.iter().rev().find(|&&c| c != '\'')).copied()
    };
    let next_letter = |i: usize| {
        l.get(i + 1..).and_then(|s| s.iter().find(|&&c| c != '\'')).copied()
    };
    // A diphthong ay/ei (or Slavic aj/ej) starts at `j`: a w before it
    // is the consonant of the CuCayC diminutive (Suwayda, Soueida,
    // Süveyda, Suvejda; السويداء).
    let diphthong_at =
        |j: usize| matches!((at(j), at(j + 1)), ('a' | 'e', 'y' | 'i' | 'j'));
    let n = l.len();
    // Asked by the rare rules only, so not computed for every word.
    let has_vowel = || l.iter().any(|&c| is_vowel(c));
    let english_vowels = || {
        l.windows(2).any(|w| matches!(w, ['o', 'u'] | ['e', 'e'] | ['o', 'o']))
    };
    // A consonant before `j` and an a after it that another consonant
    // follows: a w, y or i at `j` is then the و or ي that Arabic writes
    // before an alef (Safwan صفوان, Masyaf مصياف, Khiam الخيام); not
    // before a final -a or -ah (Kiswah, الكسوة).
    let before_alef_at = |j: usize| {
        prev_letter(j).is_some_and(is_latin_consonant)
            && at(j + 1) == 'a'
            && is_latin_consonant(at(j + 2))
            && !(at(j + 2) == 'h' && j + 3 == n)
    };
    let ending_start = latin_ending(l);
    let ending = ending_start.is_some();
    let mut i = 0;
    while i < n && at(i) == '\'' {
        emit(Ev::Sign);
        i += 1;
    }
    let c0 = at(i);
    if is_vowel(c0) {
        // French "Ouadi" (w + vowel) is a consonant; other vowels are
        // the onset mark.
        if c0 == 'o' && at(i + 1) == 'u' && is_vowel(at(i + 2)) {
            emit(Ev::Cons('w'));
            i += 2;
        } else {
            emit(Ev::Onset);
            // The vowels of the onset, for the vowel before the next
            // consonant (Ras el Ain, رأس العين).
            while i < n && is_vowel(at(i)) {
                emit(Ev::Vowel(match at(i) {
                    'i' => 'i',
                    'o' | 'u' => 'u',
                    _ => 'a',
                }));
                i += 1;
            }
        }
    } else if c0 == 'y' || c0 == 'w' {
        emit(Ev::Cons(c0));
        i += 1;
    }
    while i < n {
        let c = at(i);
        let next = at(i + 1);
        let next2 = at(i + 2);
        let (ev, step) = match c {
            '\'' => (Ev::Sign, 1),
            'ʔ' => (Ev::Onset, 1),
            // French ou before a vowel, after a vowel, is w (Haouach
            // is Hawash).
            'o' if next == 'u'
                && is_vowel(next2)
                && prev_letter(i).is_some_and(is_vowel)
                && ending_start.is_none_or(|s| i < s) =>
            {
                let prev = prev_letter(i).unwrap_or('\0');
                let mut run = l
                    .get(i + 2..)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|&&c| c != '\'')
                    .take_while(|&&c| is_vowel(c) || c == 'y' || c == 'w');
                let next_plain_a =
                    run.next() == Some(&'a') && run.all(|&c| c == 'a');
                let ev = Ev::Glide {
                    ch: 'w',
                    loose: prev == 'a' || next_plain_a,
                    strong: true,
                };
                (ev, 2)
            }
            // After a consonant, French ou before a vowel is a glide w:
            // the consonant of the diminutive before a diphthong
            // (Soueida is Suwayda), the w of a short u otherwise (Kisoue
            // is Kiswa).
            'o' if next == 'u'
                && is_vowel(next2)
                && prev_letter(i).is_some_and(is_latin_consonant) =>
            {
                let diminutive = diphthong_at(i + 2);
                let ev = Ev::Glide {
                    ch: 'w',
                    loose: diminutive,
                    strong: diminutive,
                };
                (ev, 2)
            }
            // So is u before a diphthong after a consonant other than
            // the q of qu (Sueida).
            'u' if diphthong_at(i + 1)
                && prev_letter(i)
                    .is_some_and(|p| is_latin_consonant(p) && p != 'q') =>
            {
                (Ev::Glide { ch: 'w', loose: true, strong: true }, 1)
            }
            // French writes -īn, -ān, -ūn as -ine, -ane, -oune (Djenine,
            // Sourane): that e is silent, but not an é (Tiné, تينة).
            'e' if i + 1 == n
                && !acute_end
                && i >= 2
                && at(i - 1) == 'n'
                && is_vowel(at(i - 2)) =>
            {
                (Ev::Vowel('\0'), 1)
            }
            // English ee is ī (Mayadeen).
            'e' if next == 'e' => (Ev::Vowel('i'), 2),
            // So is ie before a consonant (Russiefa).
            'e' if prev_letter(i) == Some('i')
                && next_letter(i).is_some_and(is_latin_consonant)
                && ending_start.is_none_or(|s| i < s) =>
            {
                (Ev::Vowel('\0'), 1)
            }
            'a' | 'e' => (Ev::Vowel('a'), 1),
            // A final -ih after a consonant ends like -ah: it is ة said
            // with imala (`Annazih) or ح after a short i (Salih), both of
            // which Arabic script ends as Hamah does.
            'i' if next == 'h'
                && i + 2 == n
                && prev_letter(i).is_some_and(is_latin_consonant) =>
            {
                (Ev::Vowel('a'), 1)
            }
            // So does a final -uh after two different consonants, where
            // the u is short (Udhruh, أذرح); after one, it may be the ū
            // of و (Nuh, نوح).
            'u' | 'o'
                if next == 'h'
                    && i + 2 == n
                    && i >= 2
                    && is_latin_consonant(at(i - 1))
                    && is_latin_consonant(at(i - 2))
                    && at(i - 1) != at(i - 2) =>
            {
                (Ev::Vowel('a'), 1)
            }
            // An i between a consonant and an a before a consonant
            // (`before_alef_at`) is the iy that Arabic writes with ي before
            // an alef (Khiam is Khiyam, الخيام; Banias is بانياس).
            'i' if before_alef_at(i) && ending_start.is_none_or(|s| i < s) => {
                (Ev::Glide { ch: 'y', loose: true, strong: true }, 1)
            }
            'i' => (Ev::Vowel('i'), 1),
            'o' | 'u' => (Ev::Vowel('u'), 1),
            // The -at/-et of a word before another word is the ة of a
            // construct (Khirbat, Mazra'at, Qal'at), which Arabic writes
            // as it writes a final -a.
            't' if followed
                && i + 1 == n
                && i >= 2
                && matches!(at(i - 1), 'a' | 'e')
                && (is_latin_consonant(at(i - 2))
                    || matches!(at(i - 2), '\'' | 'a')) =>
            {
                (Ev::Vowel('\0'), 1)
            }
            // A final y after a consonant, in a word with a vowel letter,
            // is the vowel i (Kani Masy, Zabadany). A key has no vowel
            // letters, so its final y (the -iya ending) stays a
            // consonant.
            'y' if i + 1 == n
                && prev_letter(i).is_some_and(is_latin_consonant)
                && has_vowel() =>
            {
                (Ev::Vowel('i'), 1)
            }
            'y' | 'w' => {
                let step = if next == c { 2 } else { 1 };
                let before = prev_letter(i).is_some_and(is_vowel);
                let after = next_letter(i + step - 1).is_some_and(is_vowel);
                let prev = prev_letter(i).unwrap_or('\0');
                let in_ending = ending_start.is_some_and(|s| i >= s);
                // Between vowels, w and y are consonants where Arabic
                // script has an alef next to و/ي: after an a (Samawah,
                // Zawiya) or before a plain a (Huwara, Meyadin); not in
                // Suwayda or Nasiriyah, which Arabic writes without one.
                let next_plain_a = {
                    let mut run = l
                        .get(i + step..)
                        .unwrap_or(&[])
                        .iter()
                        .filter(|&&c| c != '\'')
                        .take_while(|&&c| is_vowel(c) || c == 'y' || c == 'w');
                    run.next() == Some(&'a') && run.all(|&c| c == 'a')
                };
                // A doubled letter after a vowel is the shadda of a
                // glide that Arabic writes once, without an alef unless
                // one follows (Tayyiba is طيبة, Sayyid is سيد).
                let before_diphthong = c == 'w' && diphthong_at(i + step);
                // A single w or y between a consonant and an a before
                // another consonant (Safwan, Arwad; Masyaf, Banyas); for
                // y, only a plain a follows (not a glide after it).
                let before_alef = step == 1
                    && before_alef_at(i)
                    && (c == 'w' || next_plain_a);
                let between = after
                    && !in_ending
                    && ((before
                        && ((prev == 'a' && step == 1) || next_plain_a))
                        || before_diphthong
                        || before_alef);
                let ev = Ev::Glide {
                    ch: c,
                    loose: !(before || after) || between,
                    strong: step == 2 || (before && after),
                };
                (ev, step)
            }
            's' if next == 'c' && next2 == 'h' => (Ev::Cons('S'), 3),
            's' if next == 'h' => (Ev::Cons('S'), 2),
            // German dsch is j, before a consonant too (Adschlun).
            'd' if next == 's' && next2 == 'c' && at(i + 3) == 'h' => {
                (Ev::Cons('j'), 4)
            }
            // French dj is ج before a consonant and at the end too
            // (Membidj, Pandjvin), in a word with a vowel letter (a key
            // has none).
            'd' if next == 'j' && (is_vowel(next2) || has_vowel()) => {
                (Ev::Cons('j'), 2)
            }
            // Russian dzh, Polish dż, Czech dž (folded to dz); dzh is j
            // before a consonant too (Madzhdal'-Shams), in a word with a
            // vowel letter: a key has none, and its d, z, h classes stay
            // three.
            'd' if next == 'z' && next2 == 'h' && has_vowel() => {
                (Ev::Cons('j'), 3)
            }
            'd' if next == 'z' && is_vowel(next2) => (Ev::Cons('j'), 2),
            // Slavic and German j after a vowel other than i is a glide
            // (Bajt, Ujun, Ajn, Sanamejn), but English jd, jm, jz, jj, and
            // jl and jn before a vowel, are ج (Majdal, Rujm, Ijza, Hajja,
            // Ajlun, Sajna), and so is j after i (Sijn), in a scholarly
            // spelling (‘Ajlūn) and in a word with the English or French
            // ou, ee or oo (Ajloun), which Slavic spellings do not write.
            'j' if !scholarly
                && prev_letter(i).is_some_and(|p| is_vowel(p) && p != 'i')
                && next_letter(i).is_some_and(|c| {
                    let english = matches!(c, 'd' | 'm' | 'z' | 'j')
                        || (matches!(c, 'l' | 'n') && is_vowel(next2));
                    !is_vowel(c) && !english
                })
                && !english_vowels() =>
            {
                (Ev::Glide { ch: 'y', loose: false, strong: false }, 1)
            }
            't' if next == 's' && next2 == 'c' && at(i + 3) == 'h' => {
                (Ev::Cons('S'), 4)
            }
            't' if next == 'c' && next2 == 'h' => (Ev::Cons('S'), 3),
            'c' if next == 'h' => (Ev::Cons('S'), 2),
            'c' if next == 'k' => (Ev::Cons('k'), 2),
            // Turkish and Kurdish c is j (Sincar, Helebce).
            'c' if turkic => (Ev::Cons('j'), 1),
            // Soft c (before e, i, y) is rare in the English and French
            // spellings of Arabic names; a c there is the Turkish and
            // Kurdish c, j (Halepce, Necef, Penciwen).
            'c' if matches!(next, 'e' | 'i' | 'y') => (Ev::Cons('j'), 1),
            'c' => (Ev::Cons('k'), 1),
            'q' => (Ev::Cons('k'), 1),
            // French writes غ as rh (Rhazale, Kheurbet Rhazâlé).
            'r' if i == 0 && next == 'h' && is_vowel(next2) => {
                (Ev::Cons('G'), 2)
            }
            'd' if next == 'h' => (Ev::Cons('d'), 2),
            't' if next == 'h' => (Ev::Cons('t'), 2),
            'k' if next == 'h' => (Ev::Cons('X'), 2),
            'g' if next == 'h' => (Ev::Cons('G'), 2),
            'g' => (Ev::Cons('k'), 1),
            'x' => (Ev::Cons('X'), 1),
            // n before b is said m, and spellings write it so (Membij,
            // منبج): m before b or p is the class of n, in Arabic script
            // too; in a word with a vowel letter (a key has none, and
            // its m and b may have had a vowel between them).
            'm' if matches!(next, 'b' | 'p') && has_vowel() => {
                (Ev::Cons('n'), 1)
            }
            'p' if next == 'h' => (Ev::Cons('f'), 2),
            'p' => (Ev::Cons('b'), 1),
            // Arabic has no v: between vowels it is the و of Turkish,
            // Kurdish and Slavic spellings (Samava, Divaniye).
            'v' if prev_letter(i).is_some_and(is_vowel)
                && next_letter(i).is_some_and(is_vowel) =>
            {
                let loose = prev_letter(i) == Some('a')
                    || next_letter(i) == Some('a')
                    || diphthong_at(i + 1);
                (Ev::Glide { ch: 'w', loose, strong: true }, 1)
            }
            'v' => (Ev::Cons('f'), 1),
            'ş' => (Ev::Cons(s_cedilla), 1),
            // Turkish writes a final ج devoiced, as ç (Münbiç, منبج).
            'ç' if turkic && i + 1 == n => (Ev::Cons('j'), 1),
            'ç' => (Ev::Cons('S'), 1),
            // A final h after a vowel, or after the glide of a diphthong
            // (Mulayh, مليح), ends in that vowel.
            'h' if !l
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .any(|&c| is_letter(c))
                && (prev_letter(i).is_some_and(is_vowel)
                    || (i >= 2
                        && matches!(at(i - 1), 'y' | 'w')
                        && is_vowel(at(i - 2)))) =>
            {
                (Ev::Vowel('\0'), 1)
            }
            c => (Ev::Cons(c), 1),
        };
        emit(ev);
        i += step;
    }
    if ending {
        emit(Ev::Ending);
    }
}

/// Does a Latin word end in -iya, -iyah, -ieh, -iye, -ya, -ia (a vowel
/// run after the last consonant in which i or y comes before a or e)?
/// Returns where that run starts.
fn latin_ending(l: &[char]) -> Option<usize> {
    // A final hamza sign (Ḩisyā’) or h (Nasiriyah) ends no vowel run.
    let signs = l.iter().rev().take_while(|&&c| c == '\'').count();
    let skip = signs + usize::from(signs == 0 && l.last() == Some(&'h'));
    let mut seen_a_or_e = false;
    let mut found = false;
    let body = l.get(..l.len().saturating_sub(skip)).unwrap_or(&[]);
    for (at, &c) in body.iter().enumerate().rev() {
        match c {
            'a' | 'e' => seen_a_or_e = true,
            'i' | 'y' if seen_a_or_e => found = true,
            'i' | 'y' | 'o' | 'u' => {}
            // A consonant or an ayn sign ends the final vowel run
            // (Muzayri'ah is no -iyah).
            _ => return found.then_some(at + 1),
        }
    }
    found.then_some(0)
}

/// Appends the key text of a consonant class. Most classes are one
/// ASCII letter, which `String::push` appends without a copy call.
#[inline(always)]
fn push_class(out: &mut String, c: char) {
    match c {
        'S' => out.push_str("sh"),
        'X' => out.push_str("kh"),
        'G' => out.push_str("gh"),
        c => out.push(c),
    }
}

/// The length in bytes of what [`push_class`] writes for class `c`.
fn class_len(c: char) -> usize {
    match c {
        'S' | 'X' | 'G' => 2,
        c => c.len_utf8(),
    }
}

/// The loose key's sink: consonant classes, the onset mark of the first
/// word and consonantal glides. A class right after the same class is
/// dropped (Raqqa); the same class again after a vowel or a word break
/// is written after `ː` (Kirkuk `krkːk`, Karak `krk`, Bayt Ta‘mar
/// `btːtmr`, Bayt Ummar `btmr`), since the key has no vowels left to
/// keep them apart.
#[derive(Debug, Default)]
pub(crate) struct LooseSink {
    /// The last class written, and the one before it.
    last: Option<char>,
    before_last: Option<char>,
    /// A vowel came after `last`; one came between `before_last` and
    /// `last`.
    gap: bool,
    gap_before_last: bool,
    /// Consonant classes written so far.
    classes: usize,
    /// The quality of the vowel after the last consonant, if any.
    tail: Option<char>,
    /// An ayn or hamza sign came after that vowel (Mu'tah, مؤتة): the
    /// vowel is not the one before the next class.
    signed: bool,
    /// The name ended in the -iya ending (no final-vowel mark then).
    ending: bool,
    /// The last event that was not a vowel or a sign was the ending.
    last_was_ending: bool,
    /// The quality of the vowel before the last class written.
    vowel_before_last: Option<char>,
    /// The last class was not doubled (Hilla) and no glide followed it
    /// (Kiswah).
    plain_last: bool,
}

/// Keys of at most this many consonant classes get a final-vowel mark.
const SHORT_KEY: usize = 3;

impl LooseSink {
    /// Appends the final-vowel mark of a short key: [`FINAL_A`],
    /// [`FINAL_I`] or [`FINAL_U`] when the name ends in a vowel.
    pub(crate) fn finish(&self, out: &mut String) {
        // -īn, -ūn and -ayn: Arabic writes the long vowel before a final
        // ن, and Latin spellings write its quality; -ān and short vowels
        // get no mark (Hasan, حسن).
        if self.last == Some('n') && !self.ending && self.tail.is_none() {
            let mark = match self.vowel_before_last {
                Some('i') => Some(LONG_I),
                Some('u') => Some(LONG_U),
                _ => None,
            };
            if let Some(mark) = mark {
                out.pop();
                // A mark after the same mark is read back as one.
                if !out.ends_with(mark) {
                    out.push(mark);
                }
                out.push('n');
            }
        }
        // A short name that ends in -iya ends in the vowel i, as the
        // spellings that write it -ey or -i do (Aley, Aliyah, عالية).
        if self.last_was_ending
            && self.classes <= SHORT_KEY + 1
            && out.ends_with('y')
        {
            out.pop();
            if !out.ends_with(FINAL_I) {
                out.push(FINAL_I);
            }
            return;
        }
        if self.ending || self.classes > SHORT_KEY {
            return;
        }
        let mark = match self.tail {
            Some('a') => FINAL_A,
            Some('i') => FINAL_I,
            Some('u') => FINAL_U,
            _ => return,
        };
        // A mark right after the same mark read as a class would be
        // dropped when the key is keyed again.
        if self.last == Some(mark) {
            return;
        }
        // In a short key that ends in a, an i before the last class is
        // the ī or ay that Arabic writes as ي (Karima, Busayra, Tayba,
        // الكريمة; apart from Karma, Bosra, الكرمة), and a u there the ū
        // of و (Chtaura, شتورة; apart from Shatrah, الشطرة), unless the
        // class is doubled or a glide follows it (Hilla, Kiswah: short
        // i), or an ayn or hamza sign came after the vowel (Mu'tah).
        let long = match self.vowel_before_last {
            Some('i') => Some(LONG_I),
            Some('u') => Some(LONG_U),
            _ => None,
        };
        if let Some(long) = long.filter(|_| mark == FINAL_A && self.plain_last)
        {
            // Only before a consonant class, and not after a mark that
            // a re-keying would read as the same class.
            if let Some(last) = self.last.filter(|&c| is_fold_class(c)) {
                let at = out.len().saturating_sub(class_len(last));
                let after_mark =
                    out.get(..at).is_some_and(|k| k.ends_with(long));
                if out.is_char_boundary(at) && !after_mark {
                    out.insert(at, long);
                }
            }
        }
        out.push(mark);
    }

    /// Takes the next event of the name, appending to `out`.
    #[inline(always)]
    pub(crate) fn take(&mut self, ev: Ev, out: &mut String) {
        // Vowels and signs, the most frequent events, only open a gap
        // (and set the final vowel): done here, small enough to be
        // inlined into the scanners, where [`Self::take_other`] is a
        // call.
        match ev {
            Ev::Vowel(q) => {
                if q != '\0' {
                    self.tail = Some(q);
                    self.signed = false;
                }
                self.gap = true;
            }
            Ev::Sign => {
                self.gap = true;
                self.signed = true;
            }
            // A new consonant class, the next most frequent event: what
            // `take_other` does with it, less the rules for h and for a
            // repeated class.
            Ev::Cons(c) if c != 'h' && self.last != Some(c) => {
                self.last_was_ending = false;
                let vowel_before = self.tail.take().filter(|_| !self.signed);
                self.signed = false;
                self.push_new_class(c, self.gap, vowel_before, out);
                self.gap = false;
            }
            _ => self.take_other(ev, out),
        }
    }

    /// [`Self::take`] for every event; called for those that are not a
    /// vowel or a sign.
    #[inline(never)]
    fn take_other(&mut self, ev: Ev, out: &mut String) {
        if !matches!(ev, Ev::Vowel(_) | Ev::Sign) {
            self.last_was_ending = matches!(ev, Ev::Ending);
        }
        let vowel_before = self.tail.filter(|_| !self.signed);
        if !matches!(ev, Ev::Vowel(_) | Ev::Sign) {
            self.signed = false;
        }
        match ev {
            Ev::Vowel(q) if q != '\0' => self.tail = Some(q),
            Ev::Glide { ch, loose: false, .. } => {
                self.tail = Some(if ch == 'w' { 'u' } else { 'i' });
                self.plain_last = false;
            }
            Ev::Vowel(_) | Ev::Sign => {}
            Ev::Ending => {
                self.ending = true;
                self.tail = None;
            }
            Ev::Cons(_) | Ev::Onset | Ev::Glide { .. } => self.tail = None,
        }
        let mut c = match ev {
            Ev::Cons(c) => c,
            // Only the name's first word keeps its onset: "Tal Afar" and
            // "تلعفر" are the same name.
            Ev::Onset if out.is_empty() => 'ʔ',
            Ev::Ending => 'y',
            Ev::Glide { ch, loose: true, .. } => ch,
            Ev::Onset | Ev::Vowel(_) | Ev::Sign | Ev::Glide { .. } => {
                self.gap = true;
                return;
            }
        };
        // d or t then h would read back as the digraph dh or th (ذ, ث),
        // which the key writes as d and t: that h is written as `ʰ`.
        if c == 'h' && matches!(self.last, Some('d' | 't')) {
            c = AFTER_DT_H;
        }
        let mut gap = self.gap;
        // s or k then h reads back as sh or kh, so it is written as one.
        if c == 'h' {
            if let Some(merged @ ('s' | 'k')) = self.last {
                out.pop();
                c = if merged == 's' { 'S' } else { 'X' };
                gap = self.gap_before_last;
                self.last = self.before_last;
            }
        }
        if self.last == Some(c) {
            if gap && c != REPEAT {
                out.push(REPEAT);
                push_class(out, c);
                self.vowel_before_last = vowel_before;
                self.classes += 1;
                self.before_last = Some(REPEAT);
                self.gap_before_last = false;
                self.plain_last = true;
            } else if c != 's' {
                // French writes a single s between vowels as ss (Issa,
                // Odaisseh): that is no doubling.
                self.plain_last = false;
            }
        } else {
            self.push_new_class(c, gap, vowel_before, out);
        }
        self.gap = false;
    }

    /// Writes class `c`, which is not the last class written, with
    /// whether a vowel or a break came before it (`gap`) and the quality
    /// of that vowel (`vowel_before`).
    #[inline(always)]
    fn push_new_class(
        &mut self,
        c: char,
        gap: bool,
        vowel_before: Option<char>,
        out: &mut String,
    ) {
        push_class(out, c);
        self.vowel_before_last = vowel_before;
        self.plain_last = true;
        if c != 'ʔ' {
            self.classes += 1;
        }
        self.before_last = self.last;
        self.gap_before_last = gap;
        self.last = Some(c);
    }
}

/// The h class right after a d or t class in a loose key (Dahuk and
/// دهوك are `dʰk`), kept apart from the digraphs dh and th.
pub const AFTER_DT_H: char = 'ʰ';

/// Stands before the final n of a loose key whose name ends in i or a
/// diphthong ay/ei and n (Dibbin, ذيبين: `dbᶦn`; Diban: `dbn`), and
/// before the last class of a key of one to three classes that ends in
/// [`FINAL_A`] when an i comes before that class (Karima, الكريمة:
/// `krᶦmᵃ`; Karma: `krmᵃ`).
pub const LONG_I: char = 'ᶦ';
/// Stands before the final n of a loose key whose name ends in u or o
/// and n (Rammun, رمون: `rmᶸn`), and before the last class of a key of
/// one to three classes that ends in [`FINAL_A`] when a u comes before
/// that class (Chtaura, شتورة: `shtᶸrᵃ`; Shatrah: `shtrᵃ`).
pub const LONG_U: char = 'ᶸ';

/// Marks a consonant repeated after a vowel in a loose key.
pub const REPEAT: char = 'ː';

/// Ends a loose key of at most three consonant classes whose name ends
/// in a, e, ا, ى or ة (Hama, Zahle, حماة).
pub const FINAL_A: char = 'ᵃ';
/// Ends a short loose key whose name ends in i or ي (Safi, الصافي).
pub const FINAL_I: char = 'ⁱ';
/// Ends a short loose key whose name ends in o, u or و (Zakho, زاخو).
pub const FINAL_U: char = 'ᵘ';

fn loose_all(prep: &Prepared, letters: &mut Vec<char>, out: &mut String) {
    let mut sink = LooseSink::default();
    let n = prep.len();
    for idx in 0..n {
        if idx > 0 {
            // A word break, like a vowel, keeps a class that ends one
            // word and starts the next written twice.
            sink.take(Ev::Sign, out);
        }
        loose_word(prep, idx, letters, &mut |ev| sink.take(ev, out));
    }
    sink.finish(out);
    if sink.classes >= LONG_KEY && has_long_fold(out) {
        fold_long(out, letters);
    }
}

/// Keys of at least this many consonant classes, counted after
/// [`fold_long`], are folded by it.
const LONG_KEY: usize = 4;

/// Whether `key` may hold a class that [`fold_long`] changes: y, w, an
/// h that is not the second letter of sh or kh (h and gh), or `ʰ` (CA B0
/// in UTF-8; other characters with a B0 byte only cost a fold that
/// changes nothing).
fn has_long_fold(key: &str) -> bool {
    let mut prev = 0u8;
    for b in key.bytes() {
        if matches!(b, b'y' | b'w' | 0xB0)
            || (b == b'h' && !matches!(prev, b's' | b'k'))
        {
            return true;
        }
        prev = b;
    }
    false
}

/// Folds a long loose key further: the classes whose spelling varies
/// most between sources merge, while a key of four classes or more
/// still tells places apart. The glides w and y go (Suwayda and Sueida,
/// Mayadin and Meyedine), but not the final y of the -iya ending; h and
/// kh become one class, written kh
/// (Russian writes ح as kh, French خ as h: Touz Hourmato and Tuz
/// Khurmatu); gh becomes k (Russian g for غ). A token left next to
/// itself is written once, and a [`REPEAT`] stays only before the class
/// it repeats. If fewer than [`LONG_KEY`] classes are left, the key
/// stays as it was, so the fold is idempotent.
///
/// The key is read from a copy on the stack (from `scratch`, a reusable
/// buffer, when it is longer than 64 bytes), so nothing is allocated.
#[inline(never)]
fn fold_long(out: &mut String, scratch: &mut Vec<char>) {
    let mut stack = [0u8; 64];
    if let Some(copy) = stack.get_mut(..out.len()) {
        copy.copy_from_slice(out.as_bytes());
        if let Ok(key) = std::str::from_utf8(copy) {
            fold_into(key.chars(), out);
        }
    } else {
        scratch.clear();
        scratch.extend(out.chars());
        fold_into(scratch.iter().copied(), out);
    }
}

/// [`fold_long`] of the key `src`, written to `out`.
fn fold_into<I>(src: I, out: &mut String)
where
    I: Iterator<Item = char> + Clone,
{
    out.clear();
    // The last token written (a class, with sh as `S` and kh as `X`, or
    // a mark) and the last class written.
    let mut last_tok: Option<char> = None;
    let mut last_class: Option<char> = None;
    // Where a REPEAT waits for the class it repeats.
    let mut repeat_at: Option<usize> = None;
    let mut classes = 0;
    let mut chars = src.clone().peekable();
    while let Some(c) = chars.next() {
        let tok = match c {
            's' | 'k' | 'g' if chars.next_if_eq(&'h').is_some() => match c {
                's' => 'S',
                'k' => 'X',
                _ => 'k',
            },
            'h' | AFTER_DT_H => 'X',
            c => c,
        };
        // A final y is the -iya ending, not a glide: Ghandouriyeh is
        // not Ghandoura.
        let ending_y = tok == 'y' && chars.peek().is_none();
        if matches!(tok, 'y' | 'w') && !ending_y {
            // A dropped glide takes its REPEAT along.
            if let Some(at) = repeat_at.take() {
                out.remove(at);
            }
            continue;
        }
        if tok == REPEAT {
            if last_class.is_some() && repeat_at.is_none() {
                repeat_at = Some(out.len());
                out.push(REPEAT);
            }
            continue;
        }
        if !is_fold_class(tok) {
            // A mark or ʔ; one next to itself is read back as one.
            if last_tok != Some(tok) {
                out.push(tok);
                last_tok = Some(tok);
            }
            continue;
        }
        if let Some(at) = repeat_at.take() {
            if last_class == Some(tok) {
                push_class(out, tok);
                classes += 1;
                last_tok = Some(tok);
                continue;
            }
            out.remove(at);
        }
        // A class next to itself is read back as one.
        if last_tok == Some(tok) {
            continue;
        }
        push_class(out, tok);
        classes += 1;
        last_tok = Some(tok);
        last_class = Some(tok);
    }
    if let Some(at) = repeat_at {
        out.remove(at);
    }
    if classes < LONG_KEY {
        out.clear();
        out.extend(src);
    }
}

/// A consonant class token of [`fold_long`]: not a mark, ʔ or REPEAT.
fn is_fold_class(c: char) -> bool {
    !matches!(c, 'ʔ' | REPEAT | FINAL_A | FINAL_I | FINAL_U | LONG_I | LONG_U)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn vowel_letters_of_arabic_spellings() {
        // A final ayn after a consonant comes with its a.
        assert_eq!(loose_key("سعسع"), loose_key("Sa‘sa‘"));
        assert_eq!(loose_key("سعسع"), loose_key("Saasa"));
        assert_eq!(loose_key("جبع"), loose_key("Jeba"));
        assert_eq!(loose_key("السموع"), loose_key("As Samu‘"));
        // Kurdish ێ is ê.
        assert_eq!(loose_key("ئاكرێ"), loose_key("Akre"));
        assert_eq!(loose_key("ئاكرێ"), loose_key("‘Aqrah"));
        // Word-initial او/اي before a consonant is a vowel.
        assert_eq!(loose_key("بيت أولا"), loose_key("Bayt Ula"));
        assert_eq!(loose_key("بيت أولا"), loose_key("Beit Aula"));
        assert_eq!(loose_key("ايدون"), loose_key("Aydun"));
        assert_eq!(loose_key("أوصرين"), loose_key("Osarin"));
        // An alef after it keeps the glide a consonant.
        assert_eq!(loose_key("أيام"), "ʔym");
    }

    #[test]
    fn strict_keys_of_mixed_scripts_key_again_to_themselves() {
        // A Latin wa between Arabic words is no conjunction, and a lone
        // وال before an Arabic word after another word is dropped as
        // the conjunction and article it becomes once the strict key
        // joins the words.
        // The onset mark inside an Arabic word splits nothing, and the
        // article and conjunction are stripped as often as they stand.
        for name in
            ["خw-aح", "جweeد", "dوال تن", "اw-eو", "hوالʔيد", "jالواليو"]
        {
            let key = strict_key(name);
            assert_eq!(strict_key(&key), key, "{name}");
        }
        assert_eq!(strict_key("Nabatiye va Tahta"), "nabatiyetahta");
    }

    #[test]
    fn long_i_before_the_last_class_of_a_short_key_in_a() {
        // Karima (الكريمة) is apart from Karma and Karama (الكرمة,
        // الكرامة), Busayra (البصيرة) from Bosra (بصرى).
        let karima = loose_key("الكريمة");
        assert_eq!(karima, format!("kr{LONG_I}m{FINAL_A}"));
        assert_eq!(loose_key("Al Karimah"), karima);
        assert_eq!(loose_key("Kareime"), karima);
        assert_ne!(loose_key("Al Karmah"), karima);
        assert_eq!(loose_key("Al Karmah"), loose_key("الكرامة"));
        assert_eq!(loose_key("Al Busayrah"), loose_key("البصيرة"));
        assert_ne!(loose_key("Bosra"), loose_key("البصيرة"));
        assert_eq!(loose_key("Tayyibah"), loose_key("Taybeh"));
        assert_eq!(loose_key("Tayyibah"), loose_key("الطيبة"));
        // A doubled class or a glide after it marks a short i (Hilla,
        // Kiswah); French ss is one s (Ain Issa); English jj is ج.
        assert_eq!(loose_key("Hilla"), loose_key("الحلة"));
        assert_eq!(loose_key("Kiswah"), loose_key("الكسوة"));
        assert_eq!(loose_key("Ain Issa"), loose_key("عين عيسى"));
        assert_eq!(loose_key("Hajja"), loose_key("حجة"));
        // French ou before a vowel after a consonant is a glide (Kisoue
        // is Kiswa); ie before a consonant is ī (Russiefa).
        assert_eq!(loose_key("Kisoue"), loose_key("الكسوة"));
        assert_eq!(loose_key("Russiefa"), loose_key("الرصيفة"));
        // Keys of four classes or more, or not ending in a, get no mark.
        assert_eq!(
            loose_key("Salihiyah Kabirah"),
            loose_key("Salhiyah Kbirah")
        );
        assert_eq!(loose_key("Qasim"), loose_key("Qasm"));
    }

    #[test]
    fn w_of_the_diminutive_is_a_consonant() {
        // و before the ي of a diphthong is a consonant (Suwayda,
        // Huwayjah, Duwayr), and so is a Latin w, French ou or u before a
        // diphthong; before a consonant ي it is the vowel o (كوية, Koya).
        assert_eq!(loose_key("كوية"), loose_key("Koya"));
        let suwayda = loose_key("السويداء");
        assert_eq!(suwayda, format!("sw{LONG_I}d{FINAL_A}"));
        for name in
            ["Suwayda", "As-Suwayda", "Soueida", "Sweida", "Süveyda", "Sueida"]
        {
            assert_eq!(loose_key(name), suwayda, "{name}");
        }
        assert_eq!(loose_key("Kouaires"), loose_key("كويرس"));
        assert_eq!(loose_key("Hawija"), loose_key("الحويجة"));
        assert_eq!(loose_key("Duwayr"), loose_key("الدوير"));
        // So Saida (صيدا) and Suwayda no longer share a key; nor does
        // the qu of Quayatein make a w.
        assert_ne!(loose_key("Saida"), suwayda);
        assert_ne!(loose_key("صيدا"), suwayda);
        assert_eq!(loose_key("Quayatein"), format!("kyt{LONG_I}n"));
    }

    #[test]
    fn long_keys_fold_glides_and_h() {
        // In a key of four classes or more, h and kh are one class,
        // written kh ...
        assert_eq!(loose_key("Touz Hourmato"), loose_key("Tuz Khurmatu"));
        assert_eq!(loose_key("Touz Hourmato"), "tzkhrmt");
        assert_eq!(loose_key("Ayn Halaqim"), loose_key("Ajn-Khalakim"));
        // ... the glides w and y go, with the j of German and Slavic
        // spellings, and gh is k (Russian g).
        assert_eq!(
            loose_key("As Sawarah as Sughra"),
            loose_key("الصورة الصغيرة")
        );
        assert_eq!(
            loose_key("Savara-ehs-Segira"),
            loose_key("Aş Şūrah aş Şaghīrah")
        );
        assert_eq!(loose_key("Ruwan Duz"), loose_key("Ravanduz"));
        // ... but not the final y of the -iya ending.
        assert_ne!(loose_key("Al-Ghandoura"), loose_key("Ghandouriyeh"));
        assert_eq!(loose_key("Ghandouriyeh"), loose_key("الغندورية"));
        assert_eq!(loose_key("Bayt Yusuf"), loose_key("Beit Ousouf"));
        // Shorter keys keep them apart (Hama is not Khama), and a fold
        // that would leave fewer than four classes is not made.
        assert_ne!(loose_key("Hama"), loose_key("Khama"));
        assert_eq!(loose_key("Hawiyah"), format!("hw{FINAL_I}"));
        // j stays: it is the ج of English spellings (Rangers).
        assert_eq!(loose_key("Halabja"), "khlbj");
        // A class left next to itself is written once, a REPEAT stays
        // only between equal classes, and the fold is idempotent.
        for (name, key) in [
            ("Bayt Yusuf", "btsf"),
            ("Tall Hamid Kabir", "tlkhmdkbr"),
            ("Dahwah Hadhir", "dkhdr"),
            ("Kafr Wadi Yayya Ya", "kfrdy"),
            ("Sakhhar Gharghar", "skhrkrkr"),
            ("Bayt Yahya Yunus", "btkhns"),
        ] {
            assert_eq!(loose_key(name), key, "{name}");
            assert_eq!(loose_key(key), key, "{name}");
        }
        // A key longer than the fold's stack copy folds the same way.
        let long = "Bayt Hanun Wadi Yahya Ghazal ".repeat(6);
        let key = loose_key(&long);
        assert!(key.len() > 64, "{key}");
        assert_eq!(key, "btkhnːndkhkzl".repeat(6));
        assert_eq!(loose_key(&key), key);
    }

    #[test]
    fn digraphs_and_generic_words() {
        // dh and th are ذ and ث, read as d and t.
        assert_eq!(loose_key("Dhibbin"), loose_key("Dibbin"));
        assert_eq!(
            loose_key("Qal‘at al Maḑīq"),
            loose_key("Qalaat el Madhiq")
        );
        assert_eq!(loose_key("بقعاثا"), loose_key("Baq‘ata"));
        // d or t then h across a vowel stays two classes.
        assert_eq!(loose_key("Dohuk"), format!("d{AFTER_DT_H}k"));
        assert_eq!(loose_key("دهوك"), loose_key("Dahuk"));
        assert_ne!(loose_key("Dohuk"), loose_key("Dukk"));
        // Khirbat is generic in a name of several words.
        assert_eq!(loose_key("Khirbet Ghazaleh"), loose_key("Ghazaleh"));
        assert_eq!(loose_key("خربة غزالة"), loose_key("Kheurbet Rhazale"));
        assert_eq!(loose_key("Khirbet"), "khrbt");
    }

    #[test]
    fn articles_of_french_and_russian_spellings() {
        assert_eq!(
            loose_key("Kheurbet ett Tine"),
            loose_key("Khirbat at Tin")
        );
        assert_eq!(loose_key("Ej Janoudiye"), loose_key("Al Janudiyah"));
        assert_eq!(loose_key("Ehl'-Kanavat"), loose_key("Al Qanawat"));
        assert_eq!(loose_key("Ehd-Divanija"), loose_key("Ad Diwaniyah"));
        assert_eq!(loose_key("Ehs-Sanamejn"), loose_key("As Sanamayn"));
        // Ehden is a name, not an article.
        assert_eq!(loose_key("Ehden"), "ʔhdn");
        assert_eq!(loose_key("Rakˌkˌa"), loose_key("Raqqa"));
        // dzh before a consonant is j only in a word with a vowel, so
        // that the key d, z, h reads back as itself.
        assert_eq!(loose_key("Madzhdal"), loose_key("Majdal"));
        assert_eq!(loose_key("dez-ḩ"), "dzh");
        assert_eq!(loose_key("dzh"), "dzh");
        assert_eq!(strict_key("ez-ووb"), strict_key(&strict_key("ez-ووb")));
        assert_eq!(loose_key("Kani Masy"), loose_key("كاني ماسي"));
        assert_eq!(loose_key("Zabadany"), loose_key("Az Zabadani"));
        // English jd/jm/jz are ج.
        assert_eq!(loose_key("Majdal Shams"), loose_key("مجدل شمس"));
        assert_eq!(loose_key("Rujm esh Shami"), loose_key("رجم الشامي"));
        assert_eq!(loose_key("Bajt Hanun"), loose_key("بيت حانون"));
        assert_eq!(loose_key("Ajn-Khalakim"), loose_key("عين حلاقيم"));
        assert_eq!(loose_key("Ehs-Sanamejn"), loose_key("الصنمين"));
        // A character that decomposes to one other is that character:
        // the Greek numeral sign is the prime ʹ, a dropped sign.
        assert_eq!(strict_key("\u{0374}"), "");
        assert_eq!(loose_key("Ba\u{0374}albak"), loose_key("Baʹalbak"));
        // A Turkish or Kurdish ş (in a word with an o or e, which BGN
        // never writes) is ش.
        assert_eq!(loose_key("Şeqlawe"), loose_key("شقلاوة"));
        assert_eq!(loose_key("Han Şeyhun"), loose_key("خان شيخون"));
        // Turkish writes a final ج as ç.
        assert_eq!(loose_key("Münbiç"), loose_key("منبج"));
        assert_eq!(loose_key("Aş Şanamayn"), loose_key("الصنمين"));
        // A final ه after و is the ة typed as ه (الحلوه); a ح there is
        // the h of -eih (مليح).
        assert_eq!(loose_key("عين الحلوه"), loose_key("Ain al-Hilweh"));
        assert_eq!(loose_key("عين الحلوه"), loose_key("عين الحلوة"));
        assert_eq!(loose_key("مليح"), loose_key("Mleih"));
        // A final -ih after a consonant ends like -ah (ة with imala, or
        // ح after a short i).
        assert_eq!(loose_key("`Annazih"), loose_key("العنازة"));
        assert_eq!(loose_key("Suwaylih"), loose_key("صويلح"));
        assert_eq!(loose_key("Suwaylih"), loose_key("Sweileh"));
        // A w between a consonant and an a before a consonant is و
        // before ا; not before a final -ah.
        assert_eq!(loose_key("Safwan"), loose_key("صفوان"));
        assert_eq!(loose_key("Arwad"), loose_key("أرواد"));
        assert_eq!(loose_key("Kiswah"), loose_key("الكسوة"));
        // English jn before a vowel, and j after i, are ج.
        assert_eq!(loose_key("Kafr Sajna"), loose_key("كفر سجنة"));
        assert_eq!(loose_key("Sijn"), loose_key("السجن"));
        // The conjunction "and" between words.
        assert_eq!(
            loose_key("النبطية والطهطا"),
            loose_key("Nabatiye va Tahta")
        );
        assert_eq!(loose_key("نبطیه و طهطا"), loose_key("Nabatieh et Tahta"));
        // A short -iya name ends in i.
        assert_eq!(loose_key("Aley"), loose_key("عالية"));
        assert_eq!(loose_key("Aliyah"), format!("ʔl{FINAL_I}"));
        // A long one keeps it, through the long-key fold too.
        assert_eq!(loose_key("Iskandariyah"), "ʔskndry");
        // The long vowel before a final n.
        assert_eq!(loose_key("Dibbine"), loose_key("ذيبين"));
        assert_eq!(loose_key("Dhiban"), loose_key("ذيبان"));
        assert_ne!(loose_key("Dibbin"), loose_key("Diban"));
        assert_eq!(loose_key("Ras el Ain"), loose_key("رأس العين"));
        assert_eq!(loose_key("Jinin"), loose_key("جنين"));
        assert_eq!(loose_key("Bani Hasan"), loose_key("بني حسن"));
        // A class that ends one word and starts the next is kept twice.
        assert_eq!(loose_key("Bayt Ta‘mar"), loose_key("بيت تعمر"));
        assert_ne!(loose_key("Bayt Ta‘mar"), loose_key("Bayt Ummar"));
        assert_eq!(
            loose_key("Dschisr asch-Schughur"),
            loose_key("Jisr ash-Shughur")
        );
        assert_eq!(
            loose_key("Qaryat Saddat al Hindiyah"),
            loose_key("Saddat al Hindiyah")
        );
        assert_eq!(loose_key("حي خلدا"), loose_key("Khilda"));
    }

    #[test]
    fn qualifiers_after_a_comma_or_bracket() {
        assert_eq!(loose_key("زحلة، لبنان"), loose_key("Zahle"));
        assert_eq!(strict_key("Zahle, Lebanon"), strict_key("Zahle"));
        assert_eq!(loose_key("Biblos (Jbeil)"), loose_key("Biblos"));
        // Nothing before the bracket: the whole text is the name.
        assert_eq!(loose_key("(Zahle)"), loose_key("Zahle"));
        assert_eq!(loose_key(", Zahle"), loose_key("Zahle"));
    }

    #[test]
    fn admin_word_lists_are_sorted_for_the_letter_index() {
        for list in [ADMIN_WORDS, ADMIN_WORDS_AR] {
            assert!(
                list.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes())
            );
        }
    }

    #[test]
    fn every_admin_word_passes_the_tables() {
        for (i, w) in ADMIN_WORDS.iter().enumerate() {
            let first = usize::from(w.as_bytes()[0] - b'a');
            assert!(
                (ADMIN_STARTS[first]..ADMIN_STARTS[first + 1]).contains(&i)
            );
            assert_ne!(ADMIN_LENGTHS[first] & (1 << w.len()), 0, "{w}");
        }
        assert_eq!(ADMIN_STARTS[26], ADMIN_WORDS.len());
        for w in ADMIN_WORDS_AR {
            let first = w.chars().next().unwrap() as usize - 0x0620;
            let n = w.chars().count();
            assert_ne!(ADMIN_LENGTHS_AR[first] & (1 << n), 0, "{w}");
        }
        // Each word is left out of a name of several words, in both
        // scripts, with and without the article.
        for w in ADMIN_WORDS {
            let name = format!("{w} Tadmur");
            assert_eq!(loose_key(&name), loose_key("Tadmur"), "{w}");
        }
        for w in ADMIN_WORDS_AR {
            for name in [format!("{w} تدمر"), format!("ال{w} تدمر")]
            {
                assert_eq!(loose_key(&name), loose_key("تدمر"), "{name}");
            }
        }
    }

    #[test]
    fn words_and_bytes() {
        let mut prep = Prepared::default();
        prep.fill("Deir ez-Zor دير\u{200F} الزور", false);
        let words: Vec<String> =
            (0..prep.len()).map(|i| prep.word(i).iter().collect()).collect();
        assert_eq!(words, ["deir", "ez", "zor", "دير", "الزور"]);
        assert!(prep.is_arabic(3));
        let span = prep.spans[3].bytes.clone();
        assert_eq!(&"Deir ez-Zor دير\u{200F} الزور"[span], "دير\u{200F}");
    }

    #[test]
    fn strict_examples() {
        for s in ["Deir ez-Zor", "Deir e-Zor", "Deir Ezzor", "Deir-ez-Zor"] {
            assert_eq!(strict_key(s), "deirzor", "{s}");
        }
        assert_eq!(strict_key("DEIR EZ-ZOR"), "deirzor");
        assert_eq!(strict_key("al-Mayadin"), "mayadin");
        assert_eq!(strict_key("Al Mayadin"), "mayadin");
        assert_eq!(strict_key("Ar Raqqah"), "raqah");
        assert_eq!(strict_key("Jisr ash-Shughur"), "jisrshughur");
        assert_eq!(strict_key("دير الزور"), "ديرزور");
        assert_eq!(strict_key(""), "");
    }

    #[test]
    fn loose_examples() {
        assert_eq!(loose_key("دير الزور"), "drzr");
        assert_eq!(loose_key("Dayr az-Zawr"), "drzr");
        assert_eq!(loose_key("Deir al-Zour"), "drzr");
        assert_eq!(loose_key("الميادين"), "mydᶦn");
        assert_eq!(loose_key("al-Mayadeen"), "mydᶦn");
        assert_eq!(loose_key("Meyadin"), "mydᶦn");
        assert_eq!(loose_key("البوكمال"), "bkml");
        assert_eq!(loose_key("Abu Kamal"), "bkml");
        assert_eq!(loose_key("Al-Bukamal"), "bkml");
        assert_eq!(loose_key("Afrin"), "ʔfrᶦn");
        assert_eq!(loose_key("عفرين"), "ʔfrᶦn");
        assert_eq!(loose_key("Qamişlo"), "kmshl");
        assert_eq!(loose_key("Ḩimş"), "hms");
    }

    #[test]
    fn loose_orthographic_rules() {
        let same = |names: &[&str]| {
            let first = loose_key(names[0]);
            for name in names {
                assert_eq!(loose_key(name), first, "{name} vs {}", names[0]);
            }
        };
        // A doubled glide is written once in Arabic.
        same(&["At Tayyibah", "Et Taiyiba", "الطيبة"]);
        same(&["Sayyid Sadiq", "Seyid Sadiq", "سيد صادق"]);
        // ...but stays a consonant before a plain a (القيارة).
        same(&["Qayyarah", "Al Qayyara", "القيارة"]);
        // The ة of a construct: -at/-et before another word.
        same(&["Khirbat Ghazalah", "Khirbet el Ghazale", "خربة الغزالة"]);
        same(&["Mazra`at Bani Harith", "Mazra‘a Bani Harith"]);
        same(&["مزرعة بني حارث", "Mazraa Bani Harith"]);
        // Beit, Bayt keep their t (بيت).
        same(&["Beit Lahia", "Bayt Lahiya", "بيت لاهيا"]);
        // An ayn sign after an article is no fused article.
        same(&["El ‘Aţţāra", "‘Aṭṭāra", "Al `Attarah", "العطارة"]);
        assert_eq!(loose_key("Deir Ezzor"), loose_key("Deir ez-Zor"));
        // Soft c is the Turkish and Kurdish c.
        same(&["Halepce", "Halabja", "حلبجة"]);
        same(&["Necef", "Najaf", "النجف"]);
        // -aat of a construct whose ayn is not written.
        same(&["Kalaat Saleh", "Qal‘at Şāliḩ", "قلعة صالح"]);
        // v between vowels is و.
        same(&["Samava", "Samawa", "السماوة"]);
        same(&["Ḩisyā’", "Hisya", "حسياء"]);
        // Kurdish ە is a vowel, not an alef: the ي beside it is no y.
        same(&["سەيد سادق", "Seyid Sadiq", "سيد صادق"]);
        same(&["دیوانیە", "Diwaniye", "الديوانية"]);
        // Slavic -ija, where the word is spelled the Slavic way.
        same(&["Divanija", "Ed-Divanija", "Diwaniya", "الديوانية"]);
        same(&["Bajtunija", "Beitunia", "بيتونيا"]);
        assert_ne!(loose_key("Hawija"), loose_key("Hawiya"));
        assert_eq!(strict_key("ھەڵەبجە"), strict_key("ھاڵابجا"));
        assert_eq!(loose_key("Koysinceq"), loose_key("Koysinjaq"));
        // A y, or an i, between a consonant and an a before a consonant
        // is the ي before an alef.
        same(&["Masyaf", "Masiaf", "Maṣyāf", "مصياف"]);
        same(&["Khiam", "Khiyam", "الخيام"]);
        same(&["Banias", "Banyas", "Bāniyās", "بانياس"]);
        // A u before the last class of a short key that ends in a is
        // marked, as an i is; not after a sign.
        same(&["Chtaura", "Shtura", "Chtoura", "شتورة"]);
        assert_ne!(loose_key("Chtaura"), loose_key("Shatrah"));
        assert_ne!(loose_key("شتورة"), loose_key("الشطرة"));
        same(&["Kufa", "Koufa", "Al Kūfah", "الكوفة"]);
        same(&["Mu'tah", "Mu’tah", "مؤتة"]);
        // French dj is ج before a consonant and at the end too.
        same(&["Membidj", "Manbij", "منبج"]);
        same(&["Adjlun", "Ajloun", "عجلون"]);
        // ة ends a word, also when no space follows it.
        same(&["معرةالنعمان", "معرة النعمان", "Maarat al-Numan"]);
        assert_eq!(strict_key("قلعةالحصن"), strict_key("قلعة الحصن"));
        // After a fused article, an i before a vowel is y.
        same(&["Qab Elias", "Qabb Elyas", "قب الياس"]);
    }

    #[test]
    fn final_vowel_mark_of_short_keys() {
        let same = |names: &[&str]| {
            let first = loose_key(names[0]);
            for name in names {
                assert_eq!(loose_key(name), first, "{name} vs {}", names[0]);
            }
        };
        same(&["Hama", "Hamah", "Ḩamāh", "حماة", "حماه"]);
        same(&["Zahle", "Zahleh", "Zahlah", "زحلة"]);
        same(&["Homs", "Hims", "حمص"]);
        same(&["Safi", "Sāfī", "الصافي"]);
        same(&["Zakho", "Zakhu", "Zakhaw", "زاخو"]);
        same(&["Samawah", "Samawa", "السماوه"]);
        same(&["Mleih", "Muleih", "مليح"]);
        // So does a final h after the glide of a diphthong.
        same(&["Mulayh", "Mulayḩ", "Meleih", "مليح"]);
        same(&["Alayh", "Aley", "عالية"]);
        same(&["Rafah", "Rafaḩ", "رفح"]);
        // A final -uh after two consonants has a short u (Udhruh), after
        // one it may be ū (Nuh).
        same(&["Udhruh", "Adruh", "Udhruḩ", "أذرح"]);
        same(&["Nuh", "Nūḩ", "نوح"]);
        same(&["Djenine", "Jenin", "جنين"]);
        // ...but a final é is heard (Tiné is تينة), precomposed or not.
        same(&[
            "Aïn el-Tiné",
            "Ain el-Tine\u{301}",
            "Ain el-Tineh",
            "عين التينة",
        ]);
        same(&["Hisyah", "Hasiya", "حسياء"]);
        // The mark keeps short names apart that the skeleton merges.
        assert_ne!(loose_key("Hilla"), loose_key("Hawl"));
        assert_ne!(loose_key("الحلة"), loose_key("الهول"));
        assert_ne!(loose_key("Sama"), loose_key("As Samu"));
        assert_ne!(loose_key("سما"), loose_key("السموع"));
        assert_eq!(loose_key("Hama"), format!("hm{FINAL_A}"));
        assert_eq!(loose_key("Zahle"), format!("zhl{FINAL_A}"));
        // Four classes or more: no mark.
        assert_eq!(loose_key("Halabja"), "khlbj");
        assert_eq!(loose_key("Halabjah"), loose_key("حلبجة"));
        // Longer keys have no mark.
        assert_eq!(loose_key("Nabatieh"), loose_key("النبطية"));
        assert_eq!(loose_key("Qamishli"), "kmshl");
    }
}
