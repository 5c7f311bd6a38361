//! Runtime: chan (to be written).
