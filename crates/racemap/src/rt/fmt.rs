//! Runtime: fmt (to be written).
