//! Interleaving explorer (to be written).
