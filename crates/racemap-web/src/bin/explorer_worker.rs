//! The explorer's Web Worker: "Find a bug" and "Compare strategies" searched off the page's main
//! thread (see `racemap_web::worker`). trunk builds it as `explorer_worker.js` +
//! `explorer_worker_bg.wasm` (`data-type="worker"` in `web/index.html`); the page spawns it on
//! its first search.

fn main() {
    racemap_web::worker::register();
}
