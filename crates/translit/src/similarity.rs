//! similarity (under construction).
