//! Termbase export: places as TBX-Basic (TBX v3, DCA style) and CSV,
//! ready for CAT tools.
//!
//! Each place is one `conceptEntry` with an English `langSec` (the news
//! spelling as the preferred term, the BGN/PCGN romanization as an
//! admitted one) and an Arabic `langSec` (the Arabic name). Spellings seen
//! in a corpus can be added as admitted terms of their language.

use std::fmt::Write as _;

use crate::error::PlacesError;
use crate::place::Place;

/// One place of a termbase, with the spellings seen in a corpus.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TermEntry<'a> {
    /// The place.
    pub place: &'a Place,
    /// Spellings found in a corpus (any script), added as admitted terms
    /// when they differ from the gazetteer's names.
    pub seen: Vec<String>,
}

impl<'a> TermEntry<'a> {
    /// An entry with no corpus spellings.
    pub fn new(place: &'a Place) -> TermEntry<'a> {
        TermEntry { place, seen: Vec::new() }
    }
}

/// The termbase formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TermbaseFormat {
    /// TBX-Basic (XML).
    Tbx,
    /// CSV, one row per place.
    Csv,
}

impl std::str::FromStr for TermbaseFormat {
    type Err = PlacesError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "tbx" => Ok(TermbaseFormat::Tbx),
            "csv" => Ok(TermbaseFormat::Csv),
            _ => Err(PlacesError::unknown_name("termbase format", s)),
        }
    }
}

/// Writes `entries` in `format`.
pub fn write_termbase(
    entries: &[TermEntry<'_>],
    format: TermbaseFormat,
) -> String {
    match format {
        TermbaseFormat::Tbx => write_tbx(entries),
        TermbaseFormat::Csv => write_csv(entries),
    }
}

/// Writes `entries` as a TBX-Basic document.
pub fn write_tbx(entries: &[TermEntry<'_>]) -> String {
    let mut out = String::with_capacity(512 + entries.len() * 512);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" \
         xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
         \x20 <tbxHeader>\n\
         \x20   <fileDesc>\n\
         \x20     <sourceDesc>\n\
         \x20       <p>Place names exported by tarjama from its gazetteer \
         (GeoNames data, CC BY 4.0, with hand curation).</p>\n\
         \x20     </sourceDesc>\n\
         \x20   </fileDesc>\n\
         \x20 </tbxHeader>\n\
         \x20 <text>\n\
         \x20   <body>\n",
    );
    for entry in entries {
        let p = entry.place;
        let _ = writeln!(
            out,
            "      <conceptEntry id=\"{}\">",
            escape(&concept_id(&p.id))
        );
        let _ = writeln!(
            out,
            "        <descrip type=\"subjectField\">place names</descrip>"
        );
        let mut definition = format!("{} ({})", p.kind.name(), p.country);
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            let _ = write!(definition, ", {lat:.4} {lon:.4}");
        }
        if let Some(g) = p.geonames_id {
            let _ = write!(definition, ", GeoNames {g}");
        }
        let _ = writeln!(
            out,
            "        <descrip type=\"definition\">{}</descrip>",
            escape(&definition)
        );
        let (seen_ar, seen_en): (Vec<&String>, Vec<&String>) =
            entry.seen.iter().partition(|s| is_arabic(s));
        let mut en_terms: Vec<(&str, &str)> = vec![(&p.name_en, "preferred")];
        if !p.name_bgn.is_empty() && p.name_bgn != p.name_en {
            en_terms.push((&p.name_bgn, "admitted"));
        }
        for s in seen_en {
            if !en_terms.iter().any(|(t, _)| *t == s.as_str()) {
                en_terms.push((s, "admitted"));
            }
        }
        lang_sec(&mut out, "en", &en_terms);
        let mut ar_terms: Vec<(&str, &str)> = Vec::new();
        if !p.name_ar.is_empty() {
            ar_terms.push((&p.name_ar, "preferred"));
        }
        for s in seen_ar {
            if !ar_terms.iter().any(|(t, _)| *t == s.as_str()) {
                let status =
                    if ar_terms.is_empty() { "preferred" } else { "admitted" };
                ar_terms.push((s, status));
            }
        }
        if !ar_terms.is_empty() {
            lang_sec(&mut out, "ar", &ar_terms);
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

fn lang_sec(out: &mut String, lang: &str, terms: &[(&str, &str)]) {
    let _ = writeln!(out, "        <langSec xml:lang=\"{lang}\">");
    for (term, status) in terms {
        let _ = write!(
            out,
            "          <termSec>\n\
             \x20           <term>{}</term>\n\
             \x20           <termNote type=\"partOfSpeech\">properNoun</termNote>\n\
             \x20           <termNote type=\"administrativeStatus\">{status}Term-admn-sts</termNote>\n\
             \x20         </termSec>\n",
            escape(term)
        );
    }
    out.push_str("        </langSec>\n");
}

/// An XML id (NCName) for a place id: `p-` then the id with every
/// character that is not a letter, digit, `-`, `_` or `.` replaced by `_`.
fn concept_id(id: &str) -> String {
    let mut out = String::from("p-");
    out.extend(id.chars().map(|c| {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '_'
        }
    }));
    out
}

/// Escapes text for XML content and attributes; drops characters XML 1.0
/// does not allow.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The CSV columns.
pub const CSV_COLUMNS: [&str; 11] = [
    "id",
    "en",
    "ar",
    "en_bgn",
    "en_variants",
    "ar_variants",
    "kind",
    "country",
    "lat",
    "lon",
    "geonames_id",
];

/// Writes `entries` as CSV (RFC 4180 quoting), header first. Variants are
/// the corpus spellings, `|`-separated.
pub fn write_csv(entries: &[TermEntry<'_>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS);
    for entry in entries {
        let p = entry.place;
        let (seen_ar, seen_en): (Vec<&str>, Vec<&str>) = entry
            .seen
            .iter()
            .map(String::as_str)
            .filter(|s| *s != p.name_en && *s != p.name_ar)
            .partition(|s| is_arabic(s));
        let record = [
            p.id.clone(),
            p.name_en.clone(),
            p.name_ar.clone(),
            p.name_bgn.clone(),
            seen_en.join("|"),
            seen_ar.join("|"),
            p.kind.name().to_owned(),
            p.country.clone(),
            p.lat.map_or(String::new(), |v| format!("{v:.4}")),
            p.lon.map_or(String::new(), |v| format!("{v:.4}")),
            p.geonames_id.map_or(String::new(), |v| v.to_string()),
        ];
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
