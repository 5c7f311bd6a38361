//! Side effects: the URL hash, the clipboard, the explorer's chunked search, and what the page
//! shows about the core.

pub mod clipboard;
pub mod core_info;
pub mod explorer;
pub mod hash;
