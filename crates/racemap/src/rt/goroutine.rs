//! Runtime: goroutine (to be written).
