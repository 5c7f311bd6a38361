//! Side effects: reading and writing the URL hash, and what the page shows about the core.

pub mod core_info;
pub mod hash;
