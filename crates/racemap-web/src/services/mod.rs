//! Side effects and data: the core (loaded after the first render), the URL hash, the
//! clipboard, the explorer's Web Worker, the real Go measurements (`go_bench`), the embedding
//! page (`embed_host`), and what the page shows about the core.

pub mod clipboard;
pub mod core;
pub mod core_info;
pub mod embed_host;
pub mod explorer;
pub mod go_bench;
pub mod hash;
pub mod port;
pub mod relay;
