// The explorer's Web Worker script (racemap-web's `worker` module; the page starts it from
// `services/port.rs`). `cargo xtask dist` renames it and the two files it names after their
// content.
//
// The page's first message is the core's `WebAssembly.Module`: the same wasm, which the page
// has fetched and compiled once for its own thread, so the worker neither downloads nor
// compiles it again (and the browser shares its compiled code between the threads). Given
// `null` instead, the worker loads its wasm itself. Messages that come before the module runs
// wait here, then go to the handler its `main` installs (`worker::register`).
importScripts("./explorer_worker.js");

const waiting = [];
const hold = (event) => waiting.push(event);
self.onmessage = (event) => {
  self.onmessage = hold;
  wasm_bindgen({ module_or_path: event.data ?? "./explorer_worker_bg.wasm" }).then(() => {
    const handler = self.onmessage;
    if (handler === hold) throw new Error("racemap's explorer worker did not register");
    for (const message of waiting.splice(0)) handler(message);
  });
};
