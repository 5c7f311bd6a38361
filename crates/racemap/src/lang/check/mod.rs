//! Type checker (to be written).
