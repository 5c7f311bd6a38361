//! The step controls: Reset, Step back, Step, Play/Pause with its speed, and Run to next race or
//! error. Each button's text is its accessible name.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{Action, SPEEDS};

/// Properties of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Steps made (the cursor).
    pub step: u64,
    /// The run has ended: nothing to step.
    pub ended: bool,
    /// Playing.
    pub playing: bool,
    /// Milliseconds per step while playing.
    pub speed_ms: u32,
    /// A program is loaded (it compiles).
    pub enabled: bool,
    /// Moves are recorded (Reset can forget them even at step 0).
    pub recorded: bool,
    /// Called with the action a control asks for.
    pub on_action: Callback<Action>,
}

/// The row of step controls.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let button = |text: &'static str, key: &'static str, action: Action, disabled: bool| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(action.clone()));
        html! {
            <button type="button" class="control" {onclick} {disabled} aria-keyshortcuts={key}>
                { text }
            </button>
        }
    };
    let at_start = props.step == 0;
    let can_move = props.enabled && !props.ended;
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(ms) = select.value().parse() {
                on_action.emit(Action::SetSpeed(ms));
            }
        })
    };
    html! {
        <div class="controls" role="group" aria-label="Step controls">
            { button("Reset", "R", Action::Reset, !props.enabled || (at_start && !props.recorded)) }
            { button("Step back", "ArrowLeft", Action::Back, !props.enabled || at_start) }
            { button("Step", "ArrowRight", Action::Step, !can_move) }
            { button(
                if props.playing { "Pause" } else { "Play" },
                "Space",
                Action::TogglePlay,
                !can_move && !props.playing,
            ) }
            { button("Run to next race or error", "", Action::RunToNextRaceOrError, !can_move) }
            <label class="field speed">
                <span class="field-label">{ "Speed" }</span>
                <select name="speed" {onchange}>
                    { for SPEEDS.iter().map(|(label, ms)| html! {
                        <option value={ms.to_string()} selected={*ms == props.speed_ms}>
                            { *label }
                        </option>
                    }) }
                </select>
            </label>
            <span class="step-count" role="note" aria-label="Current step">{ format!("step {}", props.step) }</span>
        </div>
    }
}
