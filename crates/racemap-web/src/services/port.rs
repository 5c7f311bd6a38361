//! The page's end of one explorer worker: a Web Worker started from the worker's script
//! ([`racemap_web::worker::LOADER`], or the name `index.html` gives it), spoken to with
//! [`Input`]s and answering with [`Output`]s, both encoded by [`Codec`].
//!
//! The worker's first message is the core's compiled module ([`core::with_module`]): the
//! worker instantiates it instead of downloading and compiling the wasm again. A worker can so
//! start at the page's first render, before the core has loaded: it fetches its small script
//! then and instantiates the module once the page's core has loaded. The inputs sent
//! before the module wait here and follow it, in order.

use std::cell::RefCell;
use std::rc::Rc;

use racemap_web::worker::{Codec, Input, Output};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::core;

/// A worker's port, shared (by a search and its service).
pub type Bridge = Rc<Port>;

/// Inputs waiting for the module (`None` once it has gone to the worker).
type Pending = Rc<RefCell<Option<Vec<JsValue>>>>;

/// One explorer worker; dropping it ends the worker.
pub struct Port {
    /// The worker.
    worker: Worker,
    /// The encoded inputs sent before the worker had the module, `None` once it has.
    pending: Pending,
    /// The handler of the worker's messages (kept alive with the port).
    _on_output: Closure<dyn FnMut(MessageEvent)>,
}

impl Port {
    /// Start a worker from the script `loader`; its outputs go to `callback`.
    pub fn spawn(loader: &str, callback: impl Fn(Output) + 'static) -> Port {
        let worker = match Worker::new(loader) {
            Ok(worker) => worker,
            Err(_) => wasm_bindgen::throw_str(&format!(
                "racemap: cannot start the explorer worker {loader}"
            )),
        };
        let on_output = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            // A message that does not decode is not from racemap's worker: ignored.
            if let Ok(output) = Codec::decode::<Output>(event.data()) {
                callback(output);
            }
        });
        worker.set_onmessage(Some(on_output.as_ref().unchecked_ref()));
        let pending: Pending = Rc::new(RefCell::new(Some(Vec::new())));
        {
            let worker = worker.clone();
            let pending = pending.clone();
            core::with_module(move |module| {
                let _ = worker.post_message(module);
                for input in pending.borrow_mut().take().unwrap_or_default() {
                    let _ = worker.post_message(&input);
                }
            });
        }
        Port {
            worker,
            pending,
            _on_output: on_output,
        }
    }

    /// Send `input` to the worker (after the module, if it has not gone yet).
    pub fn send(&self, input: Input) {
        let input = Codec::encode(&input);
        match &mut *self.pending.borrow_mut() {
            Some(pending) => pending.push(input),
            None => {
                // A worker that is gone has nothing left to do with it.
                let _ = self.worker.post_message(&input);
            }
        }
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
