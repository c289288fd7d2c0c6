//! Place names for Arabic–English corpora: a gazetteer, resolution of
//! spellings in any script, clustering of spellings across sources,
//! tagging of mentions in running text, and termbase export.
//!
//! A [`Gazetteer`] holds [`Place`]s (English news spelling, Arabic name,
//! BGN/PCGN romanization, aliases, kind, admin hierarchy, coordinates,
//! population, GeoNames id) and indexes every name under its exact form
//! and the strict and loose keys of `tarjama_translit`. It comes from the
//! default data shipped with tarjama ([`Gazetteer::builtin`]), a file in
//! the TSV format ([`tsv`]) or a GeoNames dump ([`geonames`]).
//!
//! - [`Gazetteer::resolve`] turns a name into ranked [`Candidate`]s by
//!   exact alias, strict key, loose key, then similarity ([`resolve`]).
//! - [`cluster()`] groups spellings from many sources ([`Cluster`]).
//! - [`Gazetteer::tag`] finds [`Mention`]s in Arabic and English text,
//!   Arabic proclitics included; [`Gazetteer::rewrite`] respells them.
//! - [`termbase`] writes places as TBX-Basic or CSV.
//!
//! # Example
//!
//! ```
//! use tarjama_places::{Gazetteer, ResolveOptions, Method, TagOptions};
//!
//! let gazetteer = Gazetteer::builtin()?;
//! let options = ResolveOptions::default();
//! let r = gazetteer.resolve("Dayr az-Zawr", &options);
//! let place = gazetteer.place(r.best().unwrap().place).unwrap();
//! assert_eq!(place.name_en, "Deir ez-Zor");
//!
//! // Exonyms are names of the place.
//! let r = gazetteer.resolve("Halab", &options);
//! assert_eq!(r.method, Some(Method::Exact));
//! assert_eq!(gazetteer.place(r.best().unwrap().place).unwrap().name_en, "Aleppo");
//!
//! let text = "قصف بدير الزور والميادين";
//! let mentions = gazetteer.tag(text, &TagOptions::default());
//! let found: Vec<&str> = mentions.iter().map(|m| m.surface(text)).collect();
//! assert_eq!(found, ["دير الزور", "الميادين"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

pub mod cluster;
mod error;
mod gazetteer;
pub mod geonames;
mod hash;
mod keying;
mod place;
pub mod resolve;
pub mod tag;
pub mod termbase;
pub mod tsv;

pub use cluster::{Cluster, Spelling, cluster};
pub use error::{PlacesError, PlacesErrorKind};
pub use gazetteer::{BUILTIN_TSV, Gazetteer};
pub use geonames::{GeoNamesOptions, parse_geonames};
pub use place::{Convention, FeatureKind, Place, Seat};
pub use resolve::{Candidate, Method, Resolution, ResolveOptions};
pub use tag::{Mention, TagOptions, Tagger};
pub use termbase::{TermEntry, TermbaseFormat, write_termbase};
pub use tsv::{parse_tsv, write_tsv};
