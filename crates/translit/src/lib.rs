//! Arabic script normalization, Latin folding, romanization, and
//! cross-script match keys for place and person names.
//!
//! This crate is the hot path every other tarjama crate builds on. It is
//! made of pure functions: no I/O, no global state, no panics on any input.
//!
//! - [`normalize`]: Arabic script normalization, every fold a switch,
//!   bundled into profiles (`search`, `display`, `camel`).
//! - [`romanize`]: Buckwalter (plain, safe, XML) and readable schemes.
//! - [`latin`]: folding of romanized (Latin-script) names.
//! - [`keys`]: `strict` and `loose` match keys.
//! - [`similarity`]: a graded similarity between two names in any script.
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

pub mod error;
pub mod keys;
pub mod latin;
pub mod normalize;
pub mod romanize;
pub mod similarity;

#[cfg(test)]
mod tests;

pub use error::{TranslitError, TranslitErrorKind};
