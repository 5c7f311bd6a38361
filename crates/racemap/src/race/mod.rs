//! Happens-before race detector (to be written).
