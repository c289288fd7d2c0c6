//! tarjama-segment (under construction).
