//! tarjama-places (under construction).
