//! The languages the segmenter knows by name, and a generic fallback.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::SegmentError;

/// The language of a document: it selects the abbreviation list and the
/// few rules that differ between scripts.
///
/// Any other language code gives [`Lang::Generic`], which applies the
/// Unicode rules plus the script-neutral fixes (brackets, closing quotes,
/// Latin initials).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Arabic (`ar`).
    Ar,
    /// English (`en`).
    En,
    /// Any other language: Unicode rules and script-neutral fixes.
    #[default]
    Generic,
}

impl Lang {
    /// The language for a BCP 47 tag (`ar`, `en-GB`, `ara`, `eng`); other
    /// tags give [`Lang::Generic`].
    ///
    /// ```
    /// use tarjama_segment::Lang;
    /// assert_eq!(Lang::from_code("ar"), Lang::Ar);
    /// assert_eq!(Lang::from_code("en-US"), Lang::En);
    /// assert_eq!(Lang::from_code("fr"), Lang::Generic);
    /// ```
    pub fn from_code(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ar")
            || primary.eq_ignore_ascii_case("ara")
        {
            Lang::Ar
        } else if primary.eq_ignore_ascii_case("en")
            || primary.eq_ignore_ascii_case("eng")
        {
            Lang::En
        } else {
            Lang::Generic
        }
    }

    /// The code of the language (`ar`, `en`; `und` for the generic rules).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Generic => "und",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = SegmentError;

    /// Parses a language tag: 2 or 3 ASCII letters, optionally followed by
    /// `-` and subtags. Unknown but well-formed tags give
    /// [`Lang::Generic`]; malformed ones are an error.
    fn from_str(code: &str) -> Result<Lang, SegmentError> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        let well_formed = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_alphabetic())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if well_formed {
            Ok(Lang::from_code(code))
        } else {
            Err(SegmentError::bad_language(code))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!("ar".parse::<Lang>().unwrap(), Lang::Ar);
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("de-AT".parse::<Lang>().unwrap(), Lang::Generic);
        assert!("".parse::<Lang>().is_err());
        assert!("english".parse::<Lang>().is_err());
        assert!("e n".parse::<Lang>().is_err());
        assert_eq!(Lang::Ar.to_string(), "ar");
    }
}
