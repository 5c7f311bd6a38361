//! Copying text (a link, an iframe snippet) to the clipboard, and the page's own address.

/// Ask the browser to copy `text`; `false` when there is no clipboard (an insecure context or
/// an old browser), in which case the UI leaves the text selected for the user to copy.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts: check before calling it.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !present {
        return false;
    }
    // The promise's failure (permission denied) only means the text must be copied by hand.
    let _ = navigator.clipboard().write_text(text);
    true
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
