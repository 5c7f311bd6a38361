//! The core in the browser: the explorer worker's wasm, instantiated in the page's main thread.
//!
//! [`load`] adds the worker's wasm-bindgen script (`explorer_worker-<hash>.js`, named after the
//! loader `index.html`'s `<meta name="racemap-worker">` names) to the page; the script defines
//! the global `wasm_bindgen` (wasm-bindgen's `no-modules` output, as trunk builds a worker),
//! whose call instantiates the module and whose properties are its exports. The imports below
//! name them through `js_namespace = wasm_bindgen`; they are called only once [`ready`].
//! Calls are synchronous: only the first load waits.
//!
//! The wasm is compiled once, while it streams in (`WebAssembly.compileStreaming`); the
//! compiled module is instantiated here and, once the page has drawn the core's first view,
//! handed to the explorer's workers ([`with_module`]), which instantiate it too: one download,
//! one compilation, and the browser shares the module's code between the threads.
//!
//! A [`CorePlayback`] is a handle on a playback in the other module's memory; dropping it frees
//! that playback.

use std::cell::{Cell, RefCell};

use racemap::compile::LangVersion;
use racemap::playback::{ChoiceView, RunStop, StepError, View};
use racemap::sched::Choice;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use racemap_web::core_api::{ReceivedView, ViewUpdate};

use super::{OpenConfig, PlaybackPort};

#[wasm_bindgen]
extern "C" {
    /// The worker module's `CorePlayback` (`bin/explorer_worker/core_exports.rs`).
    #[wasm_bindgen(js_namespace = wasm_bindgen, js_name = CorePlayback)]
    type JsPlayback;

    #[wasm_bindgen(method)]
    fn view(this: &JsPlayback) -> JsValue;
    #[wasm_bindgen(method)]
    fn choices(this: &JsPlayback) -> JsValue;
    #[wasm_bindgen(method)]
    fn step(this: &JsPlayback, gid: u32, alt: u32) -> JsValue;
    #[wasm_bindgen(method)]
    fn step_auto(this: &JsPlayback) -> JsValue;
    #[wasm_bindgen(method)]
    fn back(this: &JsPlayback) -> JsValue;
    #[wasm_bindgen(method)]
    fn goto(this: &JsPlayback, step: u64) -> JsValue;
    #[wasm_bindgen(method)]
    fn reset(this: &JsPlayback);
    #[wasm_bindgen(method)]
    fn run_to_next_race_or_error(this: &JsPlayback) -> JsValue;
    #[wasm_bindgen(method)]
    fn replay_moves(this: &JsPlayback, moves: &str) -> JsValue;
    #[wasm_bindgen(method)]
    fn schedule(this: &JsPlayback) -> String;
    #[wasm_bindgen(method)]
    fn recorded_schedule(this: &JsPlayback) -> String;
    #[wasm_bindgen(method)]
    fn recorded_steps(this: &JsPlayback) -> u64;
    #[wasm_bindgen(method)]
    fn cursor(this: &JsPlayback) -> u64;
    /// Free the playback in the worker module's memory.
    #[wasm_bindgen(method)]
    fn free(this: &JsPlayback);

    /// `core_open(source, config)`: a playback, or throws the rendered compile errors.
    #[wasm_bindgen(js_namespace = wasm_bindgen, catch)]
    fn core_open(source: &str, config: JsValue) -> Result<JsPlayback, JsValue>;
    /// `core_test_names(source, lang)`: the tests' names, or `null`.
    #[wasm_bindgen(js_namespace = wasm_bindgen)]
    fn core_test_names(source: &str, lang: &str) -> JsValue;
    /// The worker script's init function: instantiates its wasm.
    #[wasm_bindgen(js_name = wasm_bindgen, catch)]
    fn init_core(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    /// The page's `fetch`.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_url(url: &str) -> js_sys::Promise;
}

/// A call waiting for the core's compiled module.
type ModuleWaiter = Box<dyn FnOnce(&JsValue)>;

/// The core's compiled module, or what waits for it.
enum Compiled {
    /// Not compiled yet: the calls waiting for it.
    Waiting(Vec<ModuleWaiter>),
    /// The module (a `WebAssembly.Module`).
    Module(JsValue),
}

thread_local! {
    /// Whether the core's module has been instantiated.
    static READY: Cell<bool> = const { Cell::new(false) };
    /// The core's compiled module.
    static COMPILED: RefCell<Compiled> = const { RefCell::new(Compiled::Waiting(Vec::new())) };
}

/// Call `f` with the core's compiled `WebAssembly.Module` once the core has loaded and the
/// page has drawn it (at once if it has); never if the core fails to load.
pub fn with_module(f: impl FnOnce(&JsValue) + 'static) {
    let module = COMPILED.with(|compiled| match &mut *compiled.borrow_mut() {
        Compiled::Waiting(waiting) => {
            waiting.push(Box::new(f));
            None
        }
        Compiled::Module(module) => Some((module.clone(), f)),
    });
    if let Some((module, f)) = module {
        f(&module);
    }
}

/// The core's module is compiled: keep it and give it to the calls waiting.
fn compiled(module: &JsValue) {
    let waiting = COMPILED.with(|compiled| {
        match std::mem::replace(
            &mut *compiled.borrow_mut(),
            Compiled::Module(module.clone()),
        ) {
            Compiled::Waiting(waiting) => waiting,
            Compiled::Module(_) => Vec::new(),
        }
    });
    for f in waiting {
        f(module);
    }
}

/// Whether the core has loaded.
pub fn ready() -> bool {
    READY.with(Cell::get)
}

/// Load the core; `done` gets `Ok` once it answers, or why it could not load. Call once.
pub fn load(done: impl FnOnce(Result<(), String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = instantiate().await;
        if result.is_ok() {
            READY.with(|r| r.set(true));
        }
        let module = result.as_ref().ok().cloned();
        done(result.map(drop));
        // The workers get the module once the page has drawn the core's first view (a
        // zero-delay timeout comes after the render `done` asked for): a worker that
        // instantiated it and warmed up meanwhile took the loaded machine's CPU from the page,
        // and "core ready" came 1.5 s → 2.5 s at 10 Mbit/s (`tests/browser/bench.mjs`'s first
        // render, 2026-12-07, load 13 on 2 cores).
        if let Some(module) = module {
            gloo::timers::callback::Timeout::new(0, move || compiled(&module)).forget();
        }
    });
}

/// The worker's wasm-bindgen script, next to its loader: `explorer_worker_loader-<hash>.js` →
/// `explorer_worker-<hash>.js` (`cargo xtask dist`), `explorer_worker_loader.js` →
/// `explorer_worker.js` (`trunk serve`).
fn script_url() -> String {
    let loader = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=\"racemap-worker\"]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| racemap_web::worker::LOADER.to_string());
    loader.replace("explorer_worker_loader", "explorer_worker")
}

/// Add the worker's script to the page, compile its wasm (`<script>_bg.wasm`, fetched
/// meanwhile: the two downloads share one round trip), then instantiate it; returns the
/// compiled module (for the workers, [`with_module`]).
async fn instantiate() -> Result<JsValue, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script = document
        .create_element("script")
        .map_err(|_| "cannot create a script element")?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| "a script element is not an HTML element")?;
    let url = script_url();
    let wasm = match url.strip_suffix(".js") {
        Some(stem) => format!("{stem}_bg.wasm"),
        None => return Err(format!("{url} is not a script")),
    };
    let response = fetch_url(&wasm);
    script
        .set_attribute("src", &url)
        .map_err(|_| "cannot set the script's address")?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .body()
        .ok_or("no body")?
        .append_child(&script)
        .map_err(|_| "cannot add the script")?;
    // Compiled while it streams in; a host that does not send `application/wasm` gets the
    // bytes compiled once they are all in.
    let module = match JsFuture::from(js_sys::WebAssembly::compile_streaming(&response)).await {
        Ok(module) => module,
        Err(_) => {
            let response: web_sys::Response = JsFuture::from(fetch_url(&wasm))
                .await
                .map_err(|_| format!("cannot load {wasm}"))?
                .unchecked_into();
            let bytes = response
                .array_buffer()
                .map_err(|_| format!("cannot read {wasm}"))?;
            let bytes = JsFuture::from(bytes)
                .await
                .map_err(|_| format!("cannot read {wasm}"))?;
            JsFuture::from(js_sys::WebAssembly::compile(&bytes))
                .await
                .map_err(|e| describe(&e))?
        }
    };
    JsFuture::from(loaded)
        .await
        .map_err(|_| format!("cannot load {url}"))?;
    script.set_onload(None);
    script.set_onerror(None);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &module)
        .map_err(|_| "cannot build the options")?;
    let started = init_core(&options).map_err(|e| describe(&e))?;
    JsFuture::from(started).await.map_err(|e| describe(&e))?;
    Ok(module)
}

/// A thrown JavaScript value, in words.
fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the Go runtime did not start".to_string())
}

/// `value` decoded; a value the core sent that does not decode is a build mismatch of the two
/// modules (they come from one build), racemap's own bug.
fn decode<T: DeserializeOwned>(value: JsValue) -> T {
    match serde_wasm_bindgen::from_value(value) {
        Ok(value) => value,
        Err(e) => wasm_bindgen::throw_str(&format!(
            "racemap internal error: the core's answer does not decode: {e}"
        )),
    }
}

/// A stepping call's answer: `null` when it moved, else its error.
fn moved(answer: JsValue) -> Result<(), StepError> {
    if answer.is_null() || answer.is_undefined() {
        Ok(())
    } else {
        Err(decode(answer))
    }
}

/// Compile `source` and stand at step 0 (the compile errors, rendered, when it does not
/// compile); `None` while the core is loading.
pub fn open(source: &str, config: OpenConfig) -> Option<Result<CorePlayback, String>> {
    if !ready() {
        return None;
    }
    let config = match serde_wasm_bindgen::to_value(&config) {
        Ok(config) => config,
        Err(e) => return Some(Err(format!("racemap internal error: {e}"))),
    };
    Some(
        core_open(source, config)
            .map(|playback| CorePlayback {
                playback,
                received: RefCell::default(),
            })
            .map_err(|e| describe(&e)),
    )
}

/// The tests of a `_test.go` source; `None` while the core is loading.
pub fn test_names(source: &str, lang: LangVersion) -> Option<Option<Vec<String>>> {
    if !ready() {
        return None;
    }
    Some(decode(core_test_names(source, &lang.to_string())))
}

/// A playback in the core's module.
#[derive(Debug)]
pub struct CorePlayback {
    /// The handle.
    playback: JsPlayback,
    /// The timeline and arrows of the last view (the core sends what changed).
    received: RefCell<ReceivedView>,
}

impl std::fmt::Debug for JsPlayback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CorePlayback")
    }
}

impl Drop for CorePlayback {
    fn drop(&mut self) {
        self.playback.free();
    }
}

impl PlaybackPort for CorePlayback {
    fn view(&self) -> View {
        let update: ViewUpdate = decode(self.playback.view());
        match self.received.borrow_mut().apply(update) {
            Ok(view) => view,
            Err(e) => wasm_bindgen::throw_str(&e),
        }
    }
    fn choices(&self) -> Vec<ChoiceView> {
        decode(self.playback.choices())
    }
    fn step(&mut self, choice: Choice) -> Result<(), StepError> {
        moved(self.playback.step(choice.gid.0, choice.alt))
    }
    fn step_auto(&mut self) -> Result<(), StepError> {
        moved(self.playback.step_auto())
    }
    fn back(&mut self) -> Result<(), StepError> {
        moved(self.playback.back())
    }
    fn goto(&mut self, step: u64) -> Result<(), StepError> {
        moved(self.playback.goto(step))
    }
    fn reset(&mut self) {
        self.playback.reset();
    }
    fn run_to_next_race_or_error(&mut self) -> RunStop {
        decode(self.playback.run_to_next_race_or_error())
    }
    fn replay_moves(&mut self, moves: &str) -> Result<(), StepError> {
        moved(self.playback.replay_moves(moves))
    }
    fn schedule(&self) -> String {
        self.playback.schedule()
    }
    fn recorded_schedule(&self) -> String {
        self.playback.recorded_schedule()
    }
    fn recorded_steps(&self) -> u64 {
        self.playback.recorded_steps()
    }
    fn cursor(&self) -> u64 {
        self.playback.cursor()
    }
}
