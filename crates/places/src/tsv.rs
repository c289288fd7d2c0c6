//! The gazetteer TSV format: reading and writing.
//!
//! One place per line, tab-separated, UTF-8. Lines starting with `#` and
//! blank lines are skipped. The first other line is the header: it names
//! the columns, in any order; `id` and `name_en` are required, every other
//! column ([`COLUMNS`]) is optional, an unknown column is an error. Lists
//! (`aliases`) are separated by `|`. A row with the wrong number of cells,
//! a bad number, an unknown kind or a duplicate id is an error naming the
//! source and line. The format is documented in `docs/formats/places.md`.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::error::PlacesError;
use crate::place::{Place, Seat};

/// The columns of the format, in the order [`write_tsv`] writes them.
pub const COLUMNS: [&str; 14] = [
    "id",
    "name_en",
    "name_ar",
    "name_bgn",
    "kind",
    "seat",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "geonames_id",
    "aliases",
];

#[derive(Clone, Copy)]
enum Col {
    Id,
    NameEn,
    NameAr,
    NameBgn,
    Kind,
    Seat,
    Country,
    Admin1,
    Admin2,
    Lat,
    Lon,
    Population,
    GeonamesId,
    Aliases,
}

const COLS: [Col; 14] = [
    Col::Id,
    Col::NameEn,
    Col::NameAr,
    Col::NameBgn,
    Col::Kind,
    Col::Seat,
    Col::Country,
    Col::Admin1,
    Col::Admin2,
    Col::Lat,
    Col::Lon,
    Col::Population,
    Col::GeonamesId,
    Col::Aliases,
];

/// Parses a gazetteer in the TSV format. `source` names the text in
/// errors (a file name, usually).
pub fn parse_tsv(text: &str, source: &str) -> Result<Vec<Place>, PlacesError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header: Option<Vec<Col>> = None;
    let mut places = Vec::new();
    let mut seen = HashSet::new();
    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = idx + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(cols) = &header else {
            header = Some(parse_header(line, source, line_no)?);
            continue;
        };
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != cols.len() {
            return Err(PlacesError::malformed(
                source,
                line_no,
                format!(
                    "{} cells, the header has {} columns",
                    cells.len(),
                    cols.len()
                ),
            ));
        }
        let place = parse_row(cols, &cells, source, line_no)?;
        if !seen.insert(place.id.clone()) {
            return Err(PlacesError::malformed(
                source,
                line_no,
                format!("duplicate id {:?}", place.id),
            ));
        }
        places.push(place);
    }
    if header.is_none() {
        return Err(PlacesError::malformed(source, 1, "no header line"));
    }
    Ok(places)
}

fn parse_header(
    line: &str,
    source: &str,
    line_no: usize,
) -> Result<Vec<Col>, PlacesError> {
    let mut cols = Vec::new();
    let mut names = HashSet::new();
    for name in line.split('\t') {
        let name = name.trim();
        let pos =
            COLUMNS.iter().position(|c| *c == name).ok_or_else(|| {
                PlacesError::malformed(
                    source,
                    line_no,
                    format!("unknown column {name:?} in the header"),
                )
            })?;
        if !names.insert(name) {
            return Err(PlacesError::malformed(
                source,
                line_no,
                format!("column {name:?} appears twice"),
            ));
        }
        if let Some(col) = COLS.get(pos) {
            cols.push(*col);
        }
    }
    for required in ["id", "name_en"] {
        if !names.contains(required) {
            return Err(PlacesError::malformed(
                source,
                line_no,
                format!("the header lacks the {required:?} column"),
            ));
        }
    }
    Ok(cols)
}

fn parse_row(
    cols: &[Col],
    cells: &[&str],
    source: &str,
    line_no: usize,
) -> Result<Place, PlacesError> {
    let bad = |msg: String| PlacesError::malformed(source, line_no, msg);
    let mut place = Place::new("", "");
    for (col, cell) in cols.iter().zip(cells) {
        let cell = cell.trim();
        match col {
            Col::Id => place.id = cell.to_owned(),
            Col::NameEn => place.name_en = cell.to_owned(),
            Col::NameAr => place.name_ar = cell.to_owned(),
            Col::NameBgn => place.name_bgn = cell.to_owned(),
            Col::Kind => {
                if !cell.is_empty() {
                    place.kind = cell
                        .parse()
                        .map_err(|_| bad(format!("unknown kind {cell:?}")))?;
                }
            }
            Col::Seat => {
                if !cell.is_empty() {
                    place.seat =
                        Some(cell.parse::<Seat>().map_err(|_| {
                            bad(format!("unknown seat {cell:?}"))
                        })?);
                }
            }
            Col::Country => place.country = cell.to_owned(),
            Col::Admin1 => place.admin1 = cell.to_owned(),
            Col::Admin2 => place.admin2 = cell.to_owned(),
            Col::Lat => place.lat = parse_coord(cell, 90.0, "lat", &bad)?,
            Col::Lon => place.lon = parse_coord(cell, 180.0, "lon", &bad)?,
            Col::Population => {
                place.population = parse_u64(cell, "population", &bad)?
            }
            Col::GeonamesId => {
                place.geonames_id = parse_u64(cell, "geonames_id", &bad)?
            }
            Col::Aliases => {
                place.aliases = cell
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
        }
    }
    if place.id.is_empty() {
        return Err(bad("empty id".to_owned()));
    }
    if place.name_en.is_empty() {
        return Err(bad(format!("place {:?} has no name_en", place.id)));
    }
    Ok(place)
}

fn parse_coord(
    cell: &str,
    limit: f64,
    what: &str,
    bad: &dyn Fn(String) -> PlacesError,
) -> Result<Option<f64>, PlacesError> {
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
        _ => Err(bad(format!("bad {what} {cell:?}"))),
    }
}

fn parse_u64(
    cell: &str,
    what: &str,
    bad: &dyn Fn(String) -> PlacesError,
) -> Result<Option<u64>, PlacesError> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<u64>()
        .map(Some)
        .map_err(|_| bad(format!("bad {what} {cell:?}")))
}

/// Writes places in the TSV format, header first, all columns. Tabs,
/// newlines and `|` inside names are replaced by spaces, so the output
/// always parses back.
pub fn write_tsv(places: &[Place]) -> String {
    let mut out = COLUMNS.join("\t");
    out.push('\n');
    for p in places {
        let aliases: Vec<String> =
            p.aliases.iter().map(|a| clean(a, true)).collect();
        let cells = [
            clean(&p.id, false),
            clean(&p.name_en, false),
            clean(&p.name_ar, false),
            clean(&p.name_bgn, false),
            p.kind.name().to_owned(),
            p.seat.map_or(String::new(), |s| s.name().to_owned()),
            clean(&p.country, false),
            clean(&p.admin1, false),
            clean(&p.admin2, false),
            p.lat.map_or(String::new(), |v| v.to_string()),
            p.lon.map_or(String::new(), |v| v.to_string()),
            p.population.map_or(String::new(), |v| v.to_string()),
            p.geonames_id.map_or(String::new(), |v| v.to_string()),
            aliases.join("|"),
        ];
        let _ = write!(out, "{}", cells.join("\t"));
        out.push('\n');
    }
    out
}

fn clean(s: &str, in_list: bool) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            '|' if in_list => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::FeatureKind;

    const SAMPLE: &str = "\u{feff}# a comment\r\n\
        id\tname_en\tname_ar\tkind\tlat\tlon\tpopulation\taliases\r\n\
        170794\tDeir ez-Zor\tدير الزور\tcity\t35.3359\t40.1408\t271800\t\
        Dayr az Zawr|Deir Ezzor\r\n\
        \r\n\
        sy-x\tX Town\t\t\t\t\t\t\n";

    #[test]
    fn parses_crlf_bom_comments_and_optional_columns() {
        let places = parse_tsv(SAMPLE, "g.tsv").unwrap();
        assert_eq!(places.len(), 2);
        let deir = &places[0];
        assert_eq!(deir.id, "170794");
        assert_eq!(deir.name_ar, "دير الزور");
        assert_eq!(deir.kind, FeatureKind::City);
        assert_eq!(deir.population, Some(271_800));
        assert_eq!(deir.aliases, ["Dayr az Zawr", "Deir Ezzor"]);
        assert_eq!(places[1].lat, None);
    }

    #[test]
    fn round_trips_through_write() {
        let places = parse_tsv(SAMPLE, "g.tsv").unwrap();
        let text = write_tsv(&places);
        assert_eq!(parse_tsv(&text, "again").unwrap(), places);
    }

    #[test]
    fn errors_name_source_and_line() {
        let cases = [
            ("id\tname_en\n1\tA\textra\n", 2, "cells"),
            ("id\tname_en\tlat\n1\tA\t95\n", 2, "bad lat"),
            ("id\tname_en\tkind\n\n1\tA\thamlet\n", 3, "unknown kind"),
            ("id\tname_en\n1\tA\n1\tB\n", 3, "duplicate id"),
            ("id\tname\n", 1, "unknown column"),
            ("id\tname_ar\n", 1, "name_en"),
            ("id\tname_en\n\tA\n", 2, "empty id"),
            ("# only a comment\n", 1, "no header"),
        ];
        for (text, line, needle) in cases {
            let err = parse_tsv(text, "mine.tsv").unwrap_err();
            assert_eq!(err.line(), Some(line), "{text:?}: {err}");
            let msg = err.to_string();
            assert!(msg.starts_with(&format!("mine.tsv:{line}: ")), "{msg}");
            assert!(msg.contains(needle), "{msg}");
        }
    }
}
