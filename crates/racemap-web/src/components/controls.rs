//! Step controls. Placeholders until the core's runner is wired in: they are present (so the
//! layout and accessible names are settled) but disabled.

use yew::prelude::*;

/// One control button: its visible text and its accessible name.
struct ControlButton {
    /// Short visible text.
    text: &'static str,
    /// Accessible name read by screen readers.
    label: &'static str,
}

const BUTTONS: [ControlButton; 4] = [
    ControlButton {
        text: "«",
        label: "Reset to the first step",
    },
    ControlButton {
        text: "◀",
        label: "Step back",
    },
    ControlButton {
        text: "▶",
        label: "Step forward",
    },
    ControlButton {
        text: "Run",
        label: "Run to the end",
    },
];

/// The row of step buttons.
#[function_component(Controls)]
pub fn controls() -> Html {
    html! {
        <div class="controls" role="group" aria-label="Step controls">
            { for BUTTONS.iter().map(|button| html! {
                <button
                    type="button"
                    aria-label={button.label}
                    title={button.label}
                    disabled=true
                >
                    { button.text }
                </button>
            }) }
        </div>
    }
}
