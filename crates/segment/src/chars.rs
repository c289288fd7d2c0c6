//! Character classes shared by the sentence splitter and the structure
//! detector: spaces, invisible format characters, quotes and brackets,
//! sentence terminals, and a small Arabic fold for matching phrases.

/// Whitespace as far as segmentation is concerned: Unicode white space
/// (which includes NBSP, the narrow NBSP and the ideographic space).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

// Invisible format characters (zero-width space and joiners, word
// joiner, BOM, directional marks, embeddings and isolates, soft hyphen):
// the same class that normalization drops. They never decide a boundary.
pub(crate) use tarjama_translit::normalize::is_invisible;

/// A space or an invisible character: what is trimmed from both ends.
pub(crate) fn is_blank(c: char) -> bool {
    is_space(c) || is_invisible(c)
}

/// What is trimmed from the ends of sentences and blocks: white space
/// and the byte order mark. Other invisible characters are part of the
/// text "as it stands" (docs/formats.md) and stay, but they never decide
/// a boundary.
pub(crate) fn is_trimmed(c: char) -> bool {
    is_space(c) || c == '\u{FEFF}'
}

/// The byte range of `text[range]` with white space (and BOMs) trimmed
/// from both ends.
pub(crate) fn trim_range(
    text: &str,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let Some(slice) = text.get(start..end) else {
        return (start, start);
    };
    let lead = slice.len() - slice.trim_start_matches(is_trimmed).len();
    let kept = slice.trim_matches(is_trimmed).len();
    (start + lead, start + lead + kept)
}

/// Characters that end a sentence outright (question and exclamation
/// marks in several scripts, the Urdu full stop).
pub(crate) fn is_strong_terminal(c: char) -> bool {
    matches!(
        c,
        '?' | '!'
            | '\u{061F}' // ARABIC QUESTION MARK
            | '\u{06D4}' // ARABIC FULL STOP
            | '\u{203C}'..='\u{203D}'
            | '\u{2047}'..='\u{2049}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF61}' // HALFWIDTH IDEOGRAPHIC FULL STOP
            | '\u{3002}'
    )
}

/// The full stop and the ellipsis: terminals whose meaning depends on
/// what surrounds them.
pub(crate) fn is_weak_terminal(c: char) -> bool {
    matches!(c, '.' | '\u{2026}' | '\u{FF0E}')
}

/// Any sentence terminal.
pub(crate) fn is_terminal(c: char) -> bool {
    is_strong_terminal(c) || is_weak_terminal(c)
}

/// Closing punctuation that stays with the sentence it follows: quotes
/// of every kind and closing brackets.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{00BB}' // »
            | '\u{203A}' // ›
            | '\u{2019}' // ’
            | '\u{201D}' // ”
            | '\u{201C}' // “ (closes in some house styles)
            | '\u{300D}'
            | '\u{FD3E}' // ﴾ ornate parenthesis (closing in RTL use)
            | '\u{FD3F}'
    )
}

/// Opening punctuation that may precede the first letter of a sentence.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{00AB}' // «
            | '\u{2039}' // ‹
            | '\u{2018}' // ‘
            | '\u{201C}' // “
            | '\u{201E}' // „
            | '\u{201D}' // ” (opens in some house styles)
            | '\u{FD3E}'
            | '\u{FD3F}'
    )
}

/// Opening quotation marks (for pull-quote detection).
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{00AB}' | '\u{2018}' | '\u{201C}' | '\u{201E}' | '\u{201D}'
    )
}

/// Closing quotation marks (for pull-quote detection).
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '\u{00BB}' | '\u{2019}' | '\u{201D}' | '\u{201C}')
}

/// Letters of the Arabic script (the Arabic blocks, presentation forms
/// excluded from nothing: any alphabetic character in those ranges).
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(
        c,
        '\u{0620}'..='\u{064A}'
            | '\u{066E}'..='\u{06D3}'
            | '\u{06D5}'
            | '\u{06EE}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFC}'
    )
}

/// Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef) and
/// the tatweel: dropped by [`fold_arabic_char`].
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Folds one character for phrase matching: Arabic alef, yeh and teh
/// marbuta variants to one letter, Latin to lowercase. `None` for
/// characters matching ignores (diacritics, tatweel, invisibles).
pub(crate) fn fold_arabic_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    }
    if is_arabic_mark(c) || is_invisible(c) {
        return None;
    }
    Some(match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
        '\u{0649}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        _ if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        _ if is_space(c) => ' ',
        _ => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_range_strips_spaces_and_bom_but_keeps_zero_width() {
        let text = "\u{FEFF} \u{00A0}\u{200B}Hello\u{200D}\u{00A0}\r";
        let (s, e) = trim_range(text, 0, text.len());
        assert_eq!(&text[s..e], "\u{200B}Hello\u{200D}");
        let (s, e) = trim_range(text, 0, 3);
        assert_eq!(s, e);
        assert_eq!(trim_range(text, 0, 999), (0, 0));
    }

    #[test]
    fn arabic_fold_unifies_alef_and_drops_marks() {
        let folded: String =
            "إقرأ أيضاً".chars().filter_map(fold_arabic_char).collect();
        assert_eq!(folded, "اقرا ايضا");
    }
}
