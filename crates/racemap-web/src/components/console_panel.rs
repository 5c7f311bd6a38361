//! The program's output exactly as `racemap run` prints it: stdout, then stderr with each race
//! report (anchored, so the timeline can link to it) and the fatal error or exit status.
//!
//! When the program has stopped on an error, stderr is scrolled (inside its own box, never the
//! page) so that the error line is in sight, half-way down the box, with the end of the report
//! above it.

use racemap::playback::View;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Shared;

/// Properties of [`ConsolePanel`].
#[derive(Properties, PartialEq)]
pub struct ConsolePanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

/// A piece of stderr: plain text, a race report, or the line the program stopped with.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    /// Text printed as it is.
    Text(String),
    /// The report of race `index`.
    Race(String, usize),
    /// The first line of the error that stopped the program (`fatal error: …`).
    Error(String),
}

/// stderr cut into plain text, race reports and the error line, in order.
fn stderr_parts(view: &View) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = view.console.stderr.as_str();
    for (i, race) in view.races.iter().enumerate() {
        let Some(at) = rest.find(race.report.as_str()) else {
            continue;
        };
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_string()));
        }
        parts.push(Part::Race(race.report.clone(), i));
        rest = &rest[at + race.report.len()..];
    }
    let error = view
        .ended
        .as_ref()
        .and_then(|end| end.first_error_line.as_deref())
        .filter(|line| !line.is_empty());
    if let Some((at, line)) = error.and_then(|line| rest.find(line).map(|at| (at, line))) {
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_string()));
        }
        parts.push(Part::Error(line.to_string()));
        rest = &rest[at + line.len()..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    parts
}

/// Scroll `box_` (a scrolling `<pre>`) so that its `.stop-error` line is in sight, half-way
/// down the box so the report before it shows too.
fn reveal_error(box_: &web_sys::HtmlElement) {
    let Some(line) = box_
        .query_selector(".stop-error")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // `offset_top` is relative to the box: the stylesheet makes it the offset parent.
    let top = line.offset_top();
    let bottom = top + line.offset_height();
    let visible = box_.scroll_top()..box_.scroll_top() + box_.client_height();
    if !visible.contains(&top) || !visible.contains(&(bottom - 1)) {
        box_.set_scroll_top((top - box_.client_height() / 2).max(0));
    }
}

/// The console.
#[function_component(ConsolePanel)]
pub fn console_panel(props: &ConsolePanelProps) -> Html {
    let view = &props.view;
    let console = &view.console;
    let stderr = use_node_ref();
    {
        let stderr = stderr.clone();
        let stopped = view.ended.is_some();
        use_effect_with((view.step, stopped), move |(_, stopped)| {
            if *stopped {
                if let Some(box_) = stderr.cast::<web_sys::HtmlElement>() {
                    reveal_error(&box_);
                }
            }
        });
    }
    let empty = console.stdout.is_empty() && console.stderr.is_empty() && view.ended.is_none();
    html! {
        <div class="console">
            if empty {
                <p class="empty">{ "Nothing printed yet." }</p>
            }
            // Each output box scrolls on its own, so it takes the keyboard focus too.
            if !console.stdout.is_empty() {
                <pre class="stdout" tabindex="0" aria-label="Standard output">{ console.stdout.clone() }</pre>
            }
            if !console.stderr.is_empty() {
                <pre class="stderr" ref={stderr} tabindex="0" aria-label="Standard error">
                    { for stderr_parts(view).into_iter().map(|part| match part {
                        Part::Race(text, i) => html! { <span class="race-report" id={format!("race-report-{i}")}>{ text }</span> },
                        Part::Error(text) => html! { <span class="stop-error">{ text }</span> },
                        Part::Text(text) => html! { <span>{ text }</span> },
                    }) }
                </pre>
            }
            if let Some(end) = &view.ended {
                <p class={classes!("exit", (end.exit_code != 0).then_some("failed"))}>
                    { format!("exit status {}", end.exit_code) }
                    { if end.deadlock { " (deadlock)" } else { "" } }
                </p>
            }
        </div>
    }
}
