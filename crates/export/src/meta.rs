//! Text encodings of the record's metadata fields shared by the formats:
//! sentence indices, scores, flags, and the cleaning of segments.

use std::collections::BTreeMap;

use tarjama_record::{PairRecordV1, Role};

use crate::error::ExportError;

/// `[3, 4]` as `3,4`.
pub(crate) fn format_indices(indices: &[u32]) -> String {
    let mut out = String::new();
    for (n, i) in indices.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&i.to_string());
    }
    out
}

/// `3,4` as `[3, 4]`; the empty string is the empty list.
pub(crate) fn parse_indices(text: &str) -> Result<Vec<u32>, ExportError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|part| {
            part.trim().parse::<u32>().map_err(|_| {
                ExportError::malformed(format!(
                    "bad sentence index {part:?} (want numbers like 3,4)"
                ))
            })
        })
        .collect()
}

/// The whole `idx` map as `ar=3,4;en=5` (empty map: empty string).
pub(crate) fn format_idx_map(idx: &BTreeMap<String, Vec<u32>>) -> String {
    let mut out = String::new();
    for (n, (lang, indices)) in idx.iter().enumerate() {
        if n > 0 {
            out.push(';');
        }
        out.push_str(lang);
        out.push('=');
        out.push_str(&format_indices(indices));
    }
    out
}

/// Parses what [`format_idx_map`] writes.
pub(crate) fn parse_idx_map(
    text: &str,
) -> Result<BTreeMap<String, Vec<u32>>, ExportError> {
    let mut idx = BTreeMap::new();
    if text.trim().is_empty() {
        return Ok(idx);
    }
    for part in text.split(';') {
        let Some((lang, indices)) = part.split_once('=') else {
            return Err(ExportError::malformed(format!(
                "bad idx field {text:?} (want ar=3,4;en=5)"
            )));
        };
        idx.insert(lang.trim().to_string(), parse_indices(indices)?);
    }
    Ok(idx)
}

/// A score written so that parsing it gives the same `f64` back.
pub(crate) fn format_score(score: f64) -> String {
    score.to_string()
}

/// Parses a score; an empty field is the default score 1.
pub(crate) fn parse_score(text: &str) -> Result<f64, ExportError> {
    parse_field(
        text,
        1.0,
        |t| t.parse().ok(),
        |t| format!("bad score {t:?} (want a number)"),
    )
}

/// Parses a block number; an empty field is block 0.
pub(crate) fn parse_block(text: &str) -> Result<u32, ExportError> {
    parse_field(
        text,
        0,
        |t| t.parse().ok(),
        |t| format!("bad block number {t:?}"),
    )
}

/// Parses a role; an empty field is `other`.
pub(crate) fn parse_role(text: &str) -> Result<Role, ExportError> {
    parse_field(text, Role::Other, Role::parse, |t| {
        format!(
            "unknown role {t:?} (want title, lead, question, answer or \
             other)"
        )
    })
}

/// Parses the trimmed `text` with `parse`; an empty field is `default`,
/// and text `parse` refuses is the error `message(text)`.
fn parse_field<T>(
    text: &str,
    default: T,
    parse: impl FnOnce(&str) -> Option<T>,
    message: impl FnOnce(&str) -> String,
) -> Result<T, ExportError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    parse(text).ok_or_else(|| ExportError::malformed(message(text)))
}

/// Flags joined by `;` (flags are tokens such as `lang-mismatch:en`).
pub(crate) fn format_flags(flags: &[String]) -> String {
    flags.join(";")
}

/// Splits what [`format_flags`] writes.
pub(crate) fn parse_flags(text: &str) -> Vec<String> {
    text.split(';').filter(|f| !f.is_empty()).map(str::to_string).collect()
}

/// Calls `each(name, value)` for the metadata fields of `pair` that the
/// XML formats write one element each: `doc` (when not empty), `block`,
/// `role`, `score`, `idx-LANG` per language and `flag` per flag. The id
/// is left to each format.
pub(crate) fn for_each_field(
    pair: &PairRecordV1,
    mut each: impl FnMut(&str, &str),
) {
    if !pair.doc.is_empty() {
        each("doc", &pair.doc);
    }
    each("block", &pair.block.to_string());
    each("role", pair.role.as_str());
    each("score", &format_score(pair.score));
    for (lang, indices) in &pair.idx {
        each(&format!("idx-{lang}"), &format_indices(indices));
    }
    for flag in &pair.flags {
        each("flag", flag);
    }
}

/// Sets the field `name` (as [`for_each_field`] names it) of `pair` from
/// `value`; other names are ignored.
pub(crate) fn set_field(
    pair: &mut PairRecordV1,
    name: &str,
    value: &str,
) -> Result<(), ExportError> {
    match name {
        "doc" => pair.doc = value.to_string(),
        "block" => pair.block = parse_block(value)?,
        "role" => pair.role = parse_role(value)?,
        "score" => pair.score = parse_score(value)?,
        "flag" => pair.flags.push(value.to_string()),
        other => {
            if let Some(lang) = other.strip_prefix("idx-") {
                pair.idx.insert(lang.to_string(), parse_indices(value)?);
            }
        }
    }
    Ok(())
}

/// The two segments of `pair` for the languages `src` and `tgt`; a side
/// the record does not have is empty.
pub(crate) fn sides<'p>(
    pair: &'p PairRecordV1,
    src: &str,
    tgt: &str,
) -> (&'p str, &'p str) {
    let get =
        |lang: &str| pair.translation.get(lang).map_or("", String::as_str);
    (get(src), get(tgt))
}

/// A new record holding two segments for `src` and `tgt`.
pub(crate) fn new_pair(
    src_lang: &str,
    src: String,
    tgt_lang: &str,
    tgt: String,
) -> PairRecordV1 {
    let mut pair = PairRecordV1::new(src_lang, "", tgt_lang, "");
    pair.translation.insert(src_lang.to_string(), src);
    pair.translation.insert(tgt_lang.to_string(), tgt);
    pair
}

/// Whether `c` is allowed in an XML 1.0 document
/// (`#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-]`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `c` ends a line for some common reader: LF, CR, VT, FF, NEL,
/// LINE SEPARATOR, PARAGRAPH SEPARATOR (Python's `str.splitlines` splits
/// on all of them, and on the file separators U+001C..U+001E).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idx_round_trip() {
        let mut idx = BTreeMap::new();
        idx.insert("ar".to_string(), vec![3, 4]);
        idx.insert("en".to_string(), vec![]);
        let text = format_idx_map(&idx);
        assert_eq!(text, "ar=3,4;en=");
        assert_eq!(parse_idx_map(&text).unwrap(), idx);
        assert!(parse_idx_map("").unwrap().is_empty());
        assert!(parse_idx_map("ar=x").is_err());
        assert!(parse_idx_map("ar").is_err());
    }

    #[test]
    fn scores_round_trip() {
        for score in [0.0, 1.0, 0.91, 1.0 / 3.0, 5e-324] {
            assert_eq!(parse_score(&format_score(score)).unwrap(), score);
        }
        assert!(parse_score("high").is_err());
    }

    #[test]
    fn xml_chars() {
        assert!(is_xml_char('\t'));
        assert!(!is_xml_char('\u{0}'));
        assert!(!is_xml_char('\u{1B}'));
        assert!(!is_xml_char('\u{FFFE}'));
        assert!(is_xml_char('ع'));
        assert!(is_xml_char('\u{1F600}'));
    }
}
