//! Runtime: error (to be written).
