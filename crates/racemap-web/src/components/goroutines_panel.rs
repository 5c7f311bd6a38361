//! A lane per goroutine: its state (running, runnable, blocked on what, sleeping, done), its
//! next operation, its call stack, and a button per move it can make now — pressing one makes
//! that move (the user is the scheduler).

use racemap::playback::view::GoroutineState;
use racemap::playback::{ChoiceView, View};
use racemap::sched::Choice;
use yew::prelude::*;

use crate::components::{goroutine_class, who};
use crate::state::Shared;

/// Properties of [`GoroutinesPanel`].
#[derive(Properties, PartialEq)]
pub struct GoroutinesPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
    /// The moves possible now.
    pub choices: Shared<Vec<ChoiceView>>,
    /// Called with the move the user picked.
    pub on_step: Callback<Choice>,
}

fn state_kind(state: &GoroutineState) -> &'static str {
    match state {
        GoroutineState::Running => "running",
        GoroutineState::Runnable => "runnable",
        GoroutineState::Blocked { .. } => "blocked",
        GoroutineState::Sleeping { .. } => "sleeping",
        GoroutineState::Done => "done",
    }
}

/// The goroutine lanes.
#[function_component(GoroutinesPanel)]
pub fn goroutines_panel(props: &GoroutinesPanelProps) -> Html {
    let lanes = props.view.goroutines.iter().map(|g| {
        let kind = state_kind(&g.state);
        let status = match &g.state {
            GoroutineState::Blocked { reason, on } => match on {
                Some(on) => format!("blocked: waits for {on} ({reason})"),
                None => format!("blocked: {reason}"),
            },
            GoroutineState::Sleeping { until_ns } => format!("sleeping until {until_ns} ns"),
            _ => g.state_text.clone(),
        };
        let moves = props.choices.iter().filter(|c| c.go_id == g.go_id).map(|c| {
            let choice = c.choice;
            let onclick = props.on_step.reform(move |_: MouseEvent| choice);
            let label = format!("Run {}: {} (line {})", who(g.go_id), c.phrase, c.line);
            html! {
                <button type="button" class="move" {onclick} aria-label={label.clone()} title={label}>
                    { format!("▶ {}", c.phrase) }
                </button>
            }
        });
        html! {
            <li
                class={classes!("lane", goroutine_class(g.go_id), format!("state-{kind}"))}
                data-go-id={g.go_id.to_string()}
            >
                <div class="lane-head">
                    <span class="lane-name">{ who(g.go_id) }</span>
                    <span class={classes!("state", kind)}>{ status }</span>
                </div>
                if let Some(next) = &g.next {
                    <p class="next">{ format!("next: {} (line {})", next.phrase, next.line) }</p>
                }
                <div class="moves">{ for moves }</div>
                if !g.stack.is_empty() {
                    <details class="stack">
                        <summary>{ format!("call stack ({})", g.stack.len()) }</summary>
                        <ol>
                            { for g.stack.iter().map(|f| html! {
                                <li><code>{ format!("{}()", f.func) }</code>{ format!(" line {}", f.line) }</li>
                            }) }
                        </ol>
                    </details>
                }
            </li>
        }
    });
    let ended = props.view.ended.as_ref().map(|end| {
        let text = match &end.first_error_line {
            Some(line) => format!("The program has stopped: {line}"),
            None => format!("The program has exited (status {}).", end.exit_code),
        };
        (text, end.exit_code == 0)
    });
    html! {
        <>
            if let Some((text, ok)) = ended {
                <p class={classes!("ended", ok.then_some("ok"))} role="note">{ text }</p>
            }
            <p class="goroutine-numbers">
                { "g1 is the main goroutine. The goroutines the program starts with " }<code>{ "go" }</code>
                { " are numbered as a Go race build numbers them: from g7 on (g6 without " }<code>{ "fmt" }</code>
                { "), as in Go's race reports. The numbers in between belong to goroutines Go's runtime starts for itself before " }
                <code>{ "main" }</code>{ " runs (the garbage collector's helpers among them), which racemap does not show." }
            </p>
            <ol class="lanes" aria-label="Goroutines">{ for lanes }</ol>
        </>
    }
}
