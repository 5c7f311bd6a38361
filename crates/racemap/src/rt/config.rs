//! Runtime: config (to be written).
