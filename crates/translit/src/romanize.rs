//! romanize (under construction).
