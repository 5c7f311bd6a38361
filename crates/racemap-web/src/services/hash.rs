//! The URL hash as `key=value&flag` parameters.
//!
//! State that matters lives in the hash so a link reproduces exactly what its author saw. The
//! format is deliberately tiny: `&`-separated items, each `key=value` or a bare `flag`, kept in
//! order. Values are stored as they appear in the URL; free text (a program's source) goes
//! through [`encode`] / [`decode`] (the browser's `encodeURIComponent`).

use std::fmt;

/// Parsed hash parameters, in order of appearance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HashParams {
    /// `(key, value)` pairs; a bare flag has value `None`.
    items: Vec<(String, Option<String>)>,
}

impl HashParams {
    /// Parse a hash with or without its leading `#`. Never fails: junk items are kept as flags.
    pub fn parse(hash: &str) -> HashParams {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let items = hash
            .split('&')
            .filter(|item| !item.is_empty())
            .map(|item| match item.split_once('=') {
                Some((key, value)) => (key.to_string(), Some(value.to_string())),
                None => (item.to_string(), None),
            })
            .collect();
        HashParams { items }
    }

    /// The value of the first `key=value` item.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Whether `key` appears at all (as a flag or with a value).
    pub fn has(&self, key: &str) -> bool {
        self.items.iter().any(|(k, _)| k == key)
    }

    /// Set `key=value`, replacing an existing item in place.
    pub fn set(&mut self, key: &str, value: &str) {
        self.put(key, Some(value.to_string()));
    }

    fn put(&mut self, key: &str, value: Option<String>) {
        match self.items.iter_mut().find(|(k, _)| k == key) {
            Some(item) => item.1 = value,
            None => self.items.push((key.to_string(), value)),
        }
    }
}

impl fmt::Display for HashParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (key, value)) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("&")?;
            }
            match value {
                Some(value) => write!(f, "{key}={value}")?,
                None => f.write_str(key)?,
            }
        }
        Ok(())
    }
}

/// `text` percent-encoded for a hash value (`encodeURIComponent`).
pub fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

/// A hash value percent-decoded; malformed escapes leave the value as it is.
pub fn decode(value: &str) -> String {
    js_sys::decode_uri_component(value)
        .map(String::from)
        .unwrap_or_else(|_| value.to_string())
}

/// The current page's hash parameters (empty when there is no window).
pub fn read() -> HashParams {
    let hash = web_sys::window()
        .map(|window| window.location().hash().unwrap_or_default())
        .unwrap_or_default();
    HashParams::parse(&hash)
}

/// How a new hash enters the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryEntry {
    /// Replace the current entry (a step, a move: Back should not undo steps one by one).
    Replace,
    /// Add an entry (another program: Back brings the previous one back).
    Push,
}

/// Set the page's hash to `fragment` (without `#`) when it differs, replacing the current
/// history entry or adding one.
pub fn write(fragment: &str, entry: HistoryEntry) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = window.location().hash().unwrap_or_default();
    if current.strip_prefix('#').unwrap_or(&current) == fragment {
        return;
    }
    if let Ok(history) = window.history() {
        let url = format!("#{fragment}");
        let state = wasm_bindgen::JsValue::NULL;
        // Failure only means the address bar is stale; the page itself is unaffected.
        let _ = match entry {
            HistoryEntry::Replace => history.replace_state_with_url(&state, "", Some(&url)),
            HistoryEntry::Push => history.push_state_with_url(&state, "", Some(&url)),
        };
    }
}
