//! keys (under construction).
