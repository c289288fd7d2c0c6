//! tarjama-export (under construction).
