//! The gazetteer entry: one place with its names, kind, administrative
//! position, coordinates and source ids.

use std::fmt;
use std::str::FromStr;

use crate::error::PlacesError;

/// What kind of feature a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FeatureKind {
    /// A first-level administrative division (a governorate, province).
    Governorate,
    /// A second-level division (a district, qada, mantiqa).
    District,
    /// A third-level division (a subdistrict, nahiya).
    Subdistrict,
    /// A city (100,000 people or more, or a capital).
    City,
    /// A town or large village.
    Town,
    /// A village or hamlet.
    Village,
    /// A refugee or displacement camp.
    Camp,
    /// A border crossing.
    Crossing,
    /// A named region that is not an administrative unit.
    Region,
    /// Any other named locality (a base, a quarter, a site).
    Locality,
}

impl FeatureKind {
    /// Every kind, in documentation order.
    pub const ALL: [FeatureKind; 10] = [
        FeatureKind::Governorate,
        FeatureKind::District,
        FeatureKind::Subdistrict,
        FeatureKind::City,
        FeatureKind::Town,
        FeatureKind::Village,
        FeatureKind::Camp,
        FeatureKind::Crossing,
        FeatureKind::Region,
        FeatureKind::Locality,
    ];

    /// The kind's name in the TSV format.
    pub const fn name(self) -> &'static str {
        match self {
            FeatureKind::Governorate => "governorate",
            FeatureKind::District => "district",
            FeatureKind::Subdistrict => "subdistrict",
            FeatureKind::City => "city",
            FeatureKind::Town => "town",
            FeatureKind::Village => "village",
            FeatureKind::Camp => "camp",
            FeatureKind::Crossing => "crossing",
            FeatureKind::Region => "region",
            FeatureKind::Locality => "locality",
        }
    }

    /// Whether the kind is an administrative unit rather than a
    /// settlement.
    pub const fn is_admin_unit(self) -> bool {
        matches!(
            self,
            FeatureKind::Governorate
                | FeatureKind::District
                | FeatureKind::Subdistrict
        )
    }

    /// The kind of a GeoNames feature class and code (`P`/`PPLA`, ...).
    pub fn from_geonames(class: &str, code: &str) -> FeatureKind {
        match (class, code) {
            ("A", "ADM1") | ("A", "ADM1H") => FeatureKind::Governorate,
            ("A", "ADM2") | ("A", "ADM2H") => FeatureKind::District,
            ("A", _) => FeatureKind::Subdistrict,
            ("P", "PPLC") | ("P", "PPLA") => FeatureKind::City,
            ("P", "PPLA2") | ("P", "PPLA3") | ("P", "PPL") => {
                FeatureKind::Town
            }
            ("P", _) => FeatureKind::Village,
            ("L", "RGN") | ("L", "AREA") => FeatureKind::Region,
            ("S", "CMPRF") => FeatureKind::Camp,
            _ => FeatureKind::Locality,
        }
    }
}

impl fmt::Display for FeatureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for FeatureKind {
    type Err = PlacesError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FeatureKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| PlacesError::unknown_name("feature kind", s))
    }
}

/// The administrative level a settlement is the seat of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Seat {
    /// Seat of a governorate (first level).
    Adm1,
    /// Seat of a district (second level).
    Adm2,
    /// Seat of a subdistrict (third level).
    Adm3,
}

impl Seat {
    /// The seat's name in the TSV format (`adm1`, `adm2`, `adm3`).
    pub const fn name(self) -> &'static str {
        match self {
            Seat::Adm1 => "adm1",
            Seat::Adm2 => "adm2",
            Seat::Adm3 => "adm3",
        }
    }
}

impl FromStr for Seat {
    type Err = PlacesError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "adm1" => Ok(Seat::Adm1),
            "adm2" => Ok(Seat::Adm2),
            "adm3" => Ok(Seat::Adm3),
            _ => Err(PlacesError::unknown_name("seat", s)),
        }
    }
}

/// One place of a gazetteer.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Place {
    /// A stable id, unique in the gazetteer: the GeoNames id for places
    /// taken from GeoNames, a readable slug (`sy-zamalka`) or an ISO
    /// 3166-2 code (`SY-DY`) for places added by hand.
    pub id: String,
    /// The spelling English-language news uses ("Deir ez-Zor").
    pub name_en: String,
    /// The Arabic name, unvowelled ("دير الزور"); may be empty.
    pub name_ar: String,
    /// The standard romanization, BGN/PCGN ("Dayr az Zawr"); may be empty.
    pub name_bgn: String,
    /// Other names: variant spellings, exonyms, other languages.
    pub aliases: Vec<String>,
    /// What kind of feature it is.
    pub kind: FeatureKind,
    /// The administrative level it is the seat of, if any.
    pub seat: Option<Seat>,
    /// ISO 3166-1 alpha-2 country code ("SY").
    pub country: String,
    /// The first-level division: the id of a governorate row (`SY-DY`) or
    /// a GeoNames admin1 code (`IQ.07`); may be empty.
    pub admin1: String,
    /// The second-level division (a name or code); may be empty.
    pub admin2: String,
    /// Latitude in decimal degrees.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees.
    pub lon: Option<f64>,
    /// Population, where known.
    pub population: Option<u64>,
    /// The GeoNames id, where the place comes from GeoNames.
    pub geonames_id: Option<u64>,
}

impl Place {
    /// A place with an id and an English name, and nothing else known.
    pub fn new(id: &str, name_en: &str) -> Place {
        Place {
            id: id.to_owned(),
            name_en: name_en.to_owned(),
            name_ar: String::new(),
            name_bgn: String::new(),
            aliases: Vec::new(),
            kind: FeatureKind::Town,
            seat: None,
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            lat: None,
            lon: None,
            population: None,
            geonames_id: None,
        }
    }

    /// Every name of the place: English, Arabic, BGN/PCGN, then aliases,
    /// skipping empty ones (duplicates are kept).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.name_en.as_str(), self.name_ar.as_str(), self.name_bgn.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|n| !n.is_empty())
    }

    /// The place's name in a spelling convention, falling back to the
    /// English name where the gazetteer has none.
    pub fn name_in(&self, convention: Convention) -> &str {
        let name = match convention {
            Convention::En => &self.name_en,
            Convention::Ar => &self.name_ar,
            Convention::Bgn => &self.name_bgn,
        };
        if name.is_empty() { &self.name_en } else { name }
    }

    /// A prior for breaking ties between places that match a name equally
    /// well: seats of higher administrative levels first, then larger
    /// populations, then settlements over other features.
    pub(crate) fn prior(&self) -> f64 {
        let seat = match self.seat {
            Some(Seat::Adm1) => 3.0,
            Some(Seat::Adm2) => 2.0,
            Some(Seat::Adm3) => 1.0,
            None => 0.0,
        };
        let kind = match self.kind {
            FeatureKind::City => 0.6,
            FeatureKind::Town => 0.4,
            FeatureKind::Village | FeatureKind::Camp => 0.2,
            _ => 0.0,
        };
        let pop = self.population.map_or(0.0, |p| (p as f64 + 1.0).log10());
        seat * 10.0 + pop + kind
    }
}

/// A spelling convention for place names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Convention {
    /// English news spelling ("Deir ez-Zor").
    En,
    /// Arabic script ("دير الزور").
    Ar,
    /// BGN/PCGN romanization ("Dayr az Zawr").
    Bgn,
}

impl FromStr for Convention {
    type Err = PlacesError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Convention::En),
            "ar" => Ok(Convention::Ar),
            "bgn" => Ok(Convention::Bgn),
            _ => Err(PlacesError::unknown_name("convention", s)),
        }
    }
}
