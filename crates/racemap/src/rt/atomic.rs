//! Runtime: atomic (to be written).
