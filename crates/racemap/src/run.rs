//! Runner (to be written).
