//! Copying text (a link, an iframe snippet) to the clipboard, and the page's own address.

use wasm_bindgen_futures::JsFuture;

/// Ask the browser to copy `text`, then call `done` with whether it did. It may refuse (an
/// insecure context, an iframe without `allow="clipboard-write"`, no permission): the UI then
/// leaves the text selected for the user to copy by hand. A refusal is handled here, so it
/// never surfaces as an uncaught promise rejection.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts: check before calling it.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !present {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(JsFuture::from(promise).await.is_ok());
    });
}

/// The page's address without its hash: the base of shared links and embeds.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}
