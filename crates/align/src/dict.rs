//! An optional bilingual dictionary in hunalign's format, used as extra
//! lexical evidence: one entry a line, `target phrase @ source phrase`.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::features::{fnv1a, words};

/// Arabic clitic prefixes tried when a source word has no entry itself.
const PREFIXES: &[&str] =
    &["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف"];

/// Folds a word for dictionary lookup: lowercase, Arabic diacritics and
/// tatweel removed, alef/yeh/teh marbuta variants unified.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| {
            !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
        })
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A bilingual dictionary: source words to the target words that
/// translate them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionary {
    entries: BTreeMap<u64, Vec<u64>>,
}

impl Dictionary {
    /// Parses hunalign's dictionary format (`target @ source` per line).
    /// Only single-word source phrases are used; for a multi-word target
    /// phrase its longest word stands for it. Lines that do not parse
    /// are skipped with a diagnostic (they do not make the whole file
    /// unusable).
    ///
    /// ```
    /// use tarjama_align::Dictionary;
    /// let (dict, diagnostics) = Dictionary::parse("water @ مياه\nriver @ نهر\n");
    /// assert_eq!(dict.len(), 2);
    /// assert!(diagnostics.is_empty());
    /// ```
    pub fn parse(text: &str) -> (Dictionary, Vec<Diagnostic>) {
        let mut dict = Dictionary::default();
        let mut diagnostics = Vec::new();
        let mut skipped_multiword = 0usize;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim().trim_start_matches('\u{FEFF}');
            if line.is_empty() {
                continue;
            }
            let Some((target, source)) = line.split_once(" @ ") else {
                diagnostics.push(Diagnostic::warning(
                    "dict-line",
                    format!("line {}: expected `target @ source`", n + 1),
                ));
                continue;
            };
            let source_words = words(source);
            let [source_word] = source_words.as_slice() else {
                skipped_multiword += 1;
                continue;
            };
            let Some(target_word) =
                words(target).into_iter().max_by_key(|w| w.chars().count())
            else {
                continue;
            };
            let key = fnv1a(fold(source_word).as_bytes());
            let value = fnv1a(target_word.to_lowercase().as_bytes());
            let list = dict.entries.entry(key).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
        }
        if skipped_multiword > 0 {
            diagnostics.push(Diagnostic::note(
                "dict-multiword",
                format!(
                    "{skipped_multiword} entries with a multi-word source \
                     phrase were not used"
                ),
            ));
        }
        (dict, diagnostics)
    }

    /// The number of source words with an entry.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// For each word of `sentence` that has an entry (directly or after
    /// removing an Arabic clitic prefix), its translations.
    pub(crate) fn lookup(&self, sentence: &str) -> Vec<Vec<u64>> {
        let mut out = Vec::new();
        for word in words(sentence) {
            let folded = fold(word);
            let direct = self.entries.get(&fnv1a(folded.as_bytes()));
            let found = direct.or_else(|| {
                PREFIXES.iter().find_map(|p| {
                    let rest = folded.strip_prefix(p)?;
                    if rest.chars().count() < 2 {
                        return None;
                    }
                    self.entries.get(&fnv1a(rest.as_bytes()))
                })
            });
            if let Some(list) = found {
                out.push(list.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_strips_clitics_and_folds() {
        let (dict, diags) = Dictionary::parse(
            "water @ مياه\nthe river @ النهر\nbad line\nfresh water @ ماء عذب\n",
        );
        assert_eq!(dict.len(), 2);
        assert_eq!(diags.len(), 2);
        let hits = dict.lookup("والمياه في نهر");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0], vec![fnv1a(b"water")]);
        assert_eq!(dict.lookup("النّهر").len(), 1);
    }
}
