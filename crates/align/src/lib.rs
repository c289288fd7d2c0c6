//! tarjama-align (under construction).
