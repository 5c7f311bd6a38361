//! Schedulers (to be written).
