//! racemap core: a Go-subset front end, a deterministic goroutine runtime, a happens-before race
//! detector and an interleaving explorer. Pure Rust, no IO, builds for `wasm32-unknown-unknown`.
//!
//! The pipeline (see ARCHITECTURE.md):
//! `Go source → lang → Program (bytecode + spans) → rt::Machine → Event → race → Trace`.

pub mod bytecode;
pub mod compile;
pub mod cow_vec;
pub mod dense;
pub mod diag;
pub mod explore;
pub mod gostr;
pub mod lang;
pub mod library;
pub mod playback;
pub mod race;
pub mod rt;
pub mod run;
pub mod sched;
mod stable_sort;
pub mod strategies;
pub mod strconv;
pub mod target;
pub mod types;
