//! Runtime: map (to be written).
