//! Text folding for duplicate detection: an exact key (invisible
//! differences removed) and a near key (also case, diacritics, digits,
//! punctuation and spacing removed).
//!
//! Arabic script goes through [`tarjama_translit::normalize`] first (the
//! `display` profile for the exact key, `search` for the near key); the
//! Unicode-wide steps (NFC, case, accents, letters only) are done here.

use tarjama_translit::normalize::{Profile, normalize};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick,
};

/// Whether `c` is invisible formatting: bidi marks and embeddings, zero
/// width characters, the byte-order mark, soft hyphen, Arabic tatweel.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0640}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The key under which two segments are exact duplicates: the translit
/// `display` profile (presentation forms, tatweel and invisible controls
/// folded), NFC, invisible formatting removed, every run of whitespace one
/// space, trimmed.
///
/// ```
/// use tarjama_export::exact_key;
/// assert_eq!(exact_key(" Hello,\u{A0}world\u{200F} "), "Hello, world");
/// assert_ne!(exact_key("Hello"), exact_key("hello"));
/// ```
pub fn exact_key(text: &str) -> String {
    let text = normalize(text, Profile::Display);
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    // Most text is already NFC: skip the composing pass then.
    let nfc: Box<dyn Iterator<Item = char>> =
        if is_nfc_quick(text.chars()) == IsNormalized::Yes {
            Box::new(text.chars())
        } else {
            Box::new(text.nfc())
        };
    for c in nfc {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// `char::is_alphabetic` with fast answers for ASCII and the Arabic
/// letters (the standard lookup is slow outside ASCII).
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        '\u{0660}'..='\u{066D}' | '\u{060C}' | '\u{061B}' | '\u{061F}' => {
            false
        }
        c => c.is_alphabetic(),
    }
}

/// Folds Arabic letter variants that spelling habits mix up.
fn fold_arabic(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        c => c,
    }
}

/// The key under which two segments are near duplicates: the translit
/// `search` profile (Arabic letter variants, marks, digits, punctuation),
/// then compatibility decomposition, combining marks (accents, Arabic harakat) removed,
/// lowercase, Arabic letter variants folded, and only letters kept (no
/// digits, punctuation, symbols or spaces).
///
/// ```
/// use tarjama_export::near_key;
/// assert_eq!(near_key("Café, 2024!"), near_key("cafe 2025"));
/// assert_eq!(near_key("مُدِيرَة"), near_key("مديره"));
/// assert_ne!(near_key("cat"), near_key("cart"));
/// ```
pub fn near_key(text: &str) -> String {
    let text = normalize(text, Profile::Search);
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len());
    let mut push = |c: char| {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                out.push(c.to_ascii_lowercase());
            }
            return;
        }
        if is_combining_mark(c) || is_invisible(c) || !is_letter(c) {
            return;
        }
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            out.push(fold_arabic(c));
            return;
        }
        for lower in c.to_lowercase() {
            out.push(fold_arabic(lower));
        }
    };
    // Decomposing character by character is enough: combining marks are
    // dropped, so their canonical order does not matter.
    for c in text.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            decompose_compatible(c, &mut push);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_key_ignores_invisible_differences() {
        assert_eq!(exact_key("نعم\u{200F}"), exact_key("نعم"));
        assert_eq!(exact_key("a\r\n b"), "a b");
        assert_eq!(exact_key("e\u{301}"), "\u{e9}");
        assert_eq!(exact_key("\u{FEFF}"), "");
        assert_eq!(exact_key("ﻣﺮﺣﺒﺎ"), exact_key("مرحبا"));
        assert_eq!(exact_key("مـــرحبا"), exact_key("مرحبا"));
        assert_ne!(exact_key("a,b"), exact_key("a b"));
    }

    #[test]
    fn is_letter_agrees_with_std() {
        for c in ('\u{0}'..='\u{0800}').chain(['ﷺ', 'ß', '\u{1F600}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn near_key_folds_more() {
        assert_eq!(near_key("“Hello”, World 3"), "helloworld");
        assert_eq!(near_key("أحمد"), near_key("احمد"));
        assert_eq!(near_key("إلى"), near_key("الي"));
        assert_eq!(near_key("مدرسة"), near_key("مدرسه"));
        assert_eq!(near_key("ﷺ"), near_key("صلى الله عليه وسلم"));
        assert_eq!(near_key("123 !!"), "");
    }
}
