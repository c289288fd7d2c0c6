//! The match keys and similarity this crate uses, in one place: thin
//! wrappers over `tarjama_translit`.

use tarjama_translit::keys;
use tarjama_translit::normalize::Profile;

/// The exact form of a name: whitespace runs collapsed, lower case, and
/// Arabic script normalized with the `search` profile (alef and hamza
/// forms, teh marbuta, alef maksura, marks and tatweel), so أريحا and
/// اريحا are the same exact name.
pub(crate) fn exact(name: &str) -> String {
    let name = if name
        .bytes()
        .any(|b| b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB)
    {
        tarjama_translit::normalize::normalize(name, Profile::Search)
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The strict key (see `tarjama_translit::keys::strict_key`).
pub(crate) fn strict(name: &str) -> String {
    keys::strict_key(name)
}

/// The loose, cross-script key.
pub(crate) fn loose(name: &str) -> String {
    keys::loose_key(name)
}

/// The graded similarity of two names, in [0, 1].
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    tarjama_translit::similarity::similarity(a, b)
}

/// The similarity above which two names are taken to be the same name.
pub(crate) const SIMILARITY_THRESHOLD: f64 =
    tarjama_translit::similarity::THRESHOLD;
