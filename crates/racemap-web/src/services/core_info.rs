//! What the page says about the linked `racemap` core crate.

/// One line for the page footer: the core's version and what it checks.
pub fn core_summary() -> String {
    format!(
        "racemap v{} · Go's race detector and map checks, simulated step by step in your \
         browser (no server) · compile errors shown Go-style, at most {}",
        env!("CARGO_PKG_VERSION"),
        racemap::diag::MAX_ERRORS
    )
}
