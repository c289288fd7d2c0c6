//! Loading GeoNames country dumps (`SY.txt`, `allCountries.txt`).
//!
//! A dump is tab-separated, 19 columns, no header: geonameid, name,
//! asciiname, alternatenames (comma-separated), latitude, longitude,
//! feature class, feature code, country code, cc2, admin1, admin2,
//! admin3, admin4, population, elevation, dem, timezone, modification
//! date. Populated places (class `P`) and administrative divisions
//! (class `A`) become places by default; [`GeoNamesOptions`] can keep
//! other classes. Every row is checked, kept or not: a row with the wrong
//! number of columns or a bad number is an error naming the source and
//! line.

use crate::error::PlacesError;
use crate::place::{FeatureKind, Place, Seat};

/// Which rows of a GeoNames dump become places.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeoNamesOptions {
    /// The feature classes kept (`"P"`, `"A"`, `"S"`, ...).
    pub feature_classes: Vec<String>,
}

impl Default for GeoNamesOptions {
    fn default() -> Self {
        GeoNamesOptions {
            feature_classes: vec!["P".to_owned(), "A".to_owned()],
        }
    }
}

/// Parses a GeoNames dump. `source` names the text in errors.
pub fn parse_geonames(
    text: &str,
    source: &str,
    options: &GeoNamesOptions,
) -> Result<Vec<Place>, PlacesError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut places = Vec::new();
    let mut cells: Vec<&str> = Vec::with_capacity(19);
    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = idx + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() {
            continue;
        }
        cells.clear();
        cells.extend(line.split('\t'));
        let bad = |msg: String| PlacesError::malformed(source, line_no, msg);
        let [
            id,
            name,
            ascii,
            alternates,
            lat,
            lon,
            class,
            code,
            country,
            _cc2,
            admin1,
            admin2,
            _admin3,
            _admin4,
            population,
            _elevation,
            _dem,
            _timezone,
            _modified,
        ] = cells.as_slice()
        else {
            return Err(bad(format!(
                "{} columns, a GeoNames dump has 19",
                cells.len()
            )));
        };
        let geonames_id: u64 =
            id.parse().map_err(|_| bad(format!("bad geonameid {id:?}")))?;
        let lat = parse_coord(lat, 90.0)
            .ok_or_else(|| bad(format!("bad latitude {lat:?}")))?;
        let lon = parse_coord(lon, 180.0)
            .ok_or_else(|| bad(format!("bad longitude {lon:?}")))?;
        let population: u64 = if population.is_empty() {
            0
        } else {
            population
                .parse()
                .map_err(|_| bad(format!("bad population {population:?}")))?
        };
        if name.is_empty() {
            return Err(bad("empty name".to_owned()));
        }
        if !options.feature_classes.iter().any(|c| c == class) {
            continue;
        }
        let mut place = Place::new(id, name);
        place.geonames_id = Some(geonames_id);
        place.kind = FeatureKind::from_geonames(class, code);
        place.seat = match *code {
            "PPLC" | "PPLA" => Some(Seat::Adm1),
            "PPLA2" => Some(Seat::Adm2),
            "PPLA3" => Some(Seat::Adm3),
            _ => None,
        };
        place.country = (*country).to_owned();
        if !admin1.is_empty() {
            place.admin1 = format!("{country}.{admin1}");
        }
        place.admin2 = (*admin2).to_owned();
        place.lat = Some(lat);
        place.lon = Some(lon);
        place.population = (population > 0).then_some(population);
        place.name_bgn = (*name).to_owned();
        let mut aliases: Vec<String> = Vec::new();
        for alt in std::iter::once(*ascii).chain(alternates.split(',')) {
            let alt = alt.trim();
            if alt.is_empty() || alt == *name || is_machine_romanization(alt) {
                continue;
            }
            if !aliases.iter().any(|a| a == alt) {
                aliases.push(alt.to_owned());
            }
        }
        place.name_ar = pick_arabic(name, &aliases).unwrap_or_default();
        aliases.retain(|a| *a != place.name_ar);
        place.aliases = aliases;
        places.push(place);
    }
    Ok(places)
}

fn parse_coord(cell: &str, limit: f64) -> Option<f64> {
    cell.parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit)
}

/// GeoNames lists automatic romanizations of other scripts in lower case
/// ("dyr alzwr"); real spellings are capitalized.
fn is_machine_romanization(name: &str) -> bool {
    name.is_ascii()
        && name.bytes().any(|b| b.is_ascii_alphabetic())
        && !name.bytes().any(|b| b.is_ascii_uppercase())
}

fn is_arabic_script(name: &str) -> bool {
    name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The Arabic-script alternate name that best transliterates the main
/// name: one sharing its loose key if there is one, else the first
/// Arabic-script name without Persian or Kurdish letters.
fn pick_arabic(name: &str, aliases: &[String]) -> Option<String> {
    let arabic: Vec<&String> =
        aliases.iter().filter(|a| is_arabic_script(a)).collect();
    if arabic.is_empty() {
        return None;
    }
    let key = crate::keying::loose(name);
    if let Some(hit) = arabic
        .iter()
        .find(|a| !key.is_empty() && crate::keying::loose(a) == key)
    {
        return Some((*hit).clone());
    }
    arabic
        .iter()
        .find(|a| !a.chars().any(|c| "پچژکگیەۆێڤ".contains(c)))
        .or(arabic.first())
        .map(|a| (*a).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> String {
        cells.join("\t")
    }

    #[test]
    fn reads_a_row_with_alternate_names() {
        let line = row(&[
            "170794",
            "Deir ez-Zor",
            "Deir ez-Zor",
            "Dayr az Zawr,Deir Ezzor,dyr alzwr,دير الزور",
            "35.33588",
            "40.14084",
            "P",
            "PPLA",
            "SY",
            "",
            "07",
            "",
            "",
            "",
            "271800",
            "",
            "209",
            "Asia/Damascus",
            "2023-01-01",
        ]);
        let places =
            parse_geonames(&line, "SY.txt", &Default::default()).unwrap();
        let p = &places[0];
        assert_eq!(p.id, "170794");
        assert_eq!(p.geonames_id, Some(170_794));
        assert_eq!(p.kind, FeatureKind::City);
        assert_eq!(p.seat, Some(Seat::Adm1));
        assert_eq!(p.admin1, "SY.07");
        assert_eq!(p.aliases, ["Dayr az Zawr", "Deir Ezzor"]);
        assert_eq!(p.population, Some(271_800));
    }

    #[test]
    fn short_row_is_an_error_with_line() {
        let text = "\n1\tA\tA\n";
        let err =
            parse_geonames(text, "SY.txt", &Default::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "SY.txt:2: 3 columns, a GeoNames dump has 19"
        );
    }
}
