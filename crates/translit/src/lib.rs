//! tarjama-translit (under construction).
