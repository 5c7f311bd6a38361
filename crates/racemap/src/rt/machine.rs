//! Runtime: machine (to be written).
