//! Runtime: heap (to be written).
