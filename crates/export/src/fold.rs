//! Text folding for duplicate detection: an exact key (invisible
//! differences removed) and a near key (also case, diacritics, digits,
//! punctuation and spacing removed).
//!
//! This is a small local fold; `tarjama_translit::normalize` will replace
//! it once that crate's normalization lands.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

/// The key under which two segments are exact duplicates: NFC, invisible
/// formatting removed, every run of whitespace one space, trimmed.
///
/// ```
/// use tarjama_export::exact_key;
/// assert_eq!(exact_key(" Hello,\u{A0}world\u{200F} "), "Hello, world");
/// assert_ne!(exact_key("Hello"), exact_key("hello"));
/// ```
pub fn exact_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfc() {
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

/// The key under which two segments are near duplicates: compatibility
/// decomposition, combining marks (accents, Arabic harakat) removed,
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
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) || is_invisible(c) || !c.is_alphabetic() {
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(fold_arabic(lower));
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
        assert_ne!(exact_key("a,b"), exact_key("a b"));
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
