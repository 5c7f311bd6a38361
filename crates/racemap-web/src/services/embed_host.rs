//! Talking to the page that embeds the widget: an embedded app reports its content height to
//! its parent (`postMessage({type: "racemap:resize", height})`) whenever it changes, so the
//! host script `embed.js` can size the iframe to fit (no inner scroll bar, no blank space).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The message type the host script listens for.
pub const RESIZE_MESSAGE: &str = "racemap:resize";

/// Reports `root`'s height to the parent window while alive; dropping it stops the reports.
pub struct HeightReporter {
    /// Observes the root's size.
    observer: web_sys::ResizeObserver,
    /// The callback the observer calls (kept alive as long as the observer).
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Start reporting `root`'s height to the parent window. `None` when there is no parent (the
/// page is not in a frame) or the browser lacks `ResizeObserver`.
pub fn report_height(root: web_sys::Element) -> Option<HeightReporter> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    if parent == window {
        return None;
    }
    let measured = root.clone();
    let mut last = 0.0;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last {
            last = height;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height));
            // The height is not a secret: any embedding page may size its frame.
            let _ = parent.post_message(&message, "*");
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}
