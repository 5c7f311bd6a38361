//! The compile entry point (to be written).
