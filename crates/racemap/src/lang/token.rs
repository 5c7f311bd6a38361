//! Go tokens (to be written).
