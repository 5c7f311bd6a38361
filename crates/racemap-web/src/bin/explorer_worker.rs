//! The explorer's Web Worker: "Find a bug" and "Compare strategies" searched off the page's main
//! thread (see `racemap_web::worker`). trunk builds it as `explorer_worker.js` +
//! `explorer_worker_bg.wasm` (`data-type="worker"` in `web/index.html`); the page spawns it at
//! its first render (`web/explorer_worker_loader.js`) and hands it the module it compiled.
//!
//! The same wasm is the page's core: the page instantiates it in its main thread too and calls
//! its exports ([`core_exports`]) to compile and step programs. There `main` does nothing: only
//! a worker registers the explorer.

// A folder of this binary's own: `src/bin/` holds only binaries' roots.
#[path = "explorer_worker/core_exports.rs"]
mod core_exports;

use wasm_bindgen::JsCast;

fn main() {
    // In the page's main thread (a `Window`), this module only serves its exports.
    if js_sys::global().dyn_into::<web_sys::Window>().is_ok() {
        return;
    }
    racemap_web::worker::register();
}
