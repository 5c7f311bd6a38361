//! The deterministic goroutine runtime: a bytecode VM whose whole state is plain data.
//!
//! See ARCHITECTURE.md for the step model: a goroutine runs local computation freely and stops
//! before its next visible operation; one scheduler step is one visible operation.

pub mod atomic;
pub mod chan;
pub mod cond;
pub mod config;
pub mod context;
pub mod error;
pub mod event;
pub mod fmt;
pub mod gid_rename;
pub mod goroutine;
pub mod heap;
pub mod interp;
pub mod lib_frames;
pub mod machine;
pub mod map;
pub mod mutex;
pub mod once;
pub mod parse_duration;
pub mod parse_float;
pub mod parse_int;
pub mod rand;
mod rand_cooked;
pub mod rwmutex;
pub mod slice_growth;
pub mod strings;
pub mod strings_edit;
pub mod strings_replace;
pub mod sync_map;
pub mod sync_state;
pub mod testing;
pub mod timer;
pub mod unicode;
mod unicode_tables;
pub mod value;
pub mod waitgroup;
