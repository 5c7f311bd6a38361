//! One schedulable move: the machine's [`Choice`] (goroutine + `select` alternative).

pub use crate::rt::machine::Choice;
