//! Small presentational components. Each takes a `…Props` struct and reports user intent
//! through `on…` callbacks; none holds state of its own beyond what the DOM needs.

pub mod controls;
pub mod example_picker;
pub mod header;
pub mod layout;
pub mod panel;
