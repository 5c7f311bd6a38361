//! Runtime: interp (to be written).
