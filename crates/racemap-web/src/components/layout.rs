//! The panel layout: Code, Goroutines, Map, Locks, Channels, Timeline, Console.
//!
//! Panels are empty placeholders for now; later work fills each one from the state's trace.

use yew::prelude::*;

use crate::components::panel::Panel;
use crate::services::core_info;
use crate::state::Example;

/// The panels in reading order: `(id, title)`.
pub const PANELS: [(&str, &str); 7] = [
    ("code", "Code"),
    ("goroutines", "Goroutines"),
    ("map", "Map"),
    ("locks", "Locks"),
    ("channels", "Channels"),
    ("timeline", "Timeline"),
    ("console", "Console"),
];

/// Properties of [`Layout`].
#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The example selected (announced in the status line).
    pub example: Example,
    /// Compact (embedded) layout: no footer.
    pub embed: bool,
}

/// All panels, a live status line and the footer.
#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    html! {
        <>
            <main class="panels">
                { for PANELS.iter().map(|(id, title)| html! {
                    <Panel id={*id} title={*title}>
                        <p class="empty">{ "Nothing to show yet." }</p>
                    </Panel>
                }) }
            </main>
            <p class="status" role="status" aria-live="polite">
                { format!("Example: {}", props.example.label()) }
            </p>
            if !props.embed {
                <footer class="footer">{ core_info::core_summary() }</footer>
            }
        </>
    }
}
