//! latin (under construction).
