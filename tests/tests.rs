//! End-to-end tests of the `tarjama` binary: one module per feature.

#[macro_use]
mod macros;
mod align;
mod build;
mod export;
mod key;
mod normalize;
mod places;
mod segment;
mod translit;
mod util;
