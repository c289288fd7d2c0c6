//! Language identification of each side of a pair with whatlang, so
//! that a pair whose side is not in its language can be flagged.

use whatlang::{Lang, Script as WScript};

/// The whatlang language of a BCP 47 primary subtag, where known.
fn lang_of(code: &str) -> Option<Lang> {
    let three = match code {
        "ar" => "ara",
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        "es" => "spa",
        "fa" => "pes",
        "ur" => "urd",
        "tr" => "tur",
        "it" => "ita",
        "pt" => "por",
        "ru" => "rus",
        "he" => "heb",
        other => other,
    };
    Lang::from_code(three)
}

/// Whether `text` is confidently in a language other than `lang`.
/// Short texts, unknown codes and unreliable guesses are never flagged.
pub(crate) fn mismatch(text: &str, lang: &str) -> bool {
    let Some(expected) = lang_of(lang) else { return false };
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 {
        return false;
    }
    let Some(info) = whatlang::detect(text) else { return false };
    let expected_script = match expected {
        Lang::Ara | Lang::Pes | Lang::Urd => Some(WScript::Arabic),
        Lang::Eng
        | Lang::Fra
        | Lang::Deu
        | Lang::Spa
        | Lang::Ita
        | Lang::Por
        | Lang::Tur => Some(WScript::Latin),
        _ => None,
    };
    if let Some(script) = expected_script {
        if info.script() != script {
            // Wrong script: another language whatever whatlang guessed.
            return true;
        }
    }
    info.lang() != expected && info.is_reliable() && letters >= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_wrong_script_and_not_short_text() {
        assert!(mismatch(
            "This sentence was left untranslated in the Arabic version.",
            "ar"
        ));
        assert!(!mismatch(
            "ثم جاءت المياه إلى القرية بعد سنوات من الانتظار",
            "ar"
        ));
        assert!(!mismatch("OK", "ar"));
        assert!(!mismatch("The water came back to the village.", "en"));
        assert!(mismatch("ثم جاءت المياه إلى القرية بعد سنوات", "en"));
        assert!(!mismatch("anything at all here", "zz"));
    }
}
