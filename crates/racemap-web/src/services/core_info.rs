//! What the page says about the linked `racemap` core crate.
//!
//! The web crate never simulates anything itself: programs are compiled and run by the core.
//! Until the core's pipeline is wired in, the page shows facts read from the core crate so the
//! link between the two is visible (and a build without the core cannot pass the browser test).

/// One line for the page footer naming the core and one of its limits.
pub fn core_summary() -> String {
    format!(
        "racemap v{} · compile errors shown Go-style, at most {}",
        env!("CARGO_PKG_VERSION"),
        racemap::diag::MAX_ERRORS
    )
}
