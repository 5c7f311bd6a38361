//! Recursive-descent Go parser (to be written).
