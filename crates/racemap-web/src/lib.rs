//! The part of racemap's page that both of its wasm binaries link: the explorer's Web Worker
//! ([`worker`]). The page (`main.rs`, binary `racemap-web`) spawns it and talks to it with
//! [`worker::Input`] and [`worker::Output`] messages (`services/port.rs`); the worker binary
//! (`bin/explorer_worker.rs`, built by trunk's `data-type="worker"` link in `web/index.html`)
//! registers it. Only the worker binary
//! calls into the core's explorer, so the page's own wasm does not carry it. [`core_api`] is what
//! the page's main thread asks of the core (compile, step, view), which the worker binary also
//! exports to the page: the page's wasm carries neither the core's compiler nor its machine.

pub mod core_api;
pub mod worker;
