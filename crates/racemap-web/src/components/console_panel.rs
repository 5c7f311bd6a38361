//! The program's output exactly as `racemap run` prints it: stdout, then stderr with each race
//! report (anchored, so the timeline can link to it) and the fatal error or exit status.

use racemap::playback::View;
use yew::prelude::*;

use crate::state::Shared;

/// Properties of [`ConsolePanel`].
#[derive(Properties, PartialEq)]
pub struct ConsolePanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

/// stderr cut into plain text and race reports, in order: `(text, Some(race index))`.
fn stderr_parts(view: &View) -> Vec<(String, Option<usize>)> {
    let mut parts = Vec::new();
    let mut rest = view.console.stderr.as_str();
    for (i, race) in view.races.iter().enumerate() {
        let Some(at) = rest.find(race.report.as_str()) else {
            continue;
        };
        if at > 0 {
            parts.push((rest[..at].to_string(), None));
        }
        parts.push((race.report.clone(), Some(i)));
        rest = &rest[at + race.report.len()..];
    }
    if !rest.is_empty() {
        parts.push((rest.to_string(), None));
    }
    parts
}

/// The console.
#[function_component(ConsolePanel)]
pub fn console_panel(props: &ConsolePanelProps) -> Html {
    let view = &props.view;
    let console = &view.console;
    let empty = console.stdout.is_empty() && console.stderr.is_empty() && view.ended.is_none();
    html! {
        <div class="console">
            if empty {
                <p class="empty">{ "Nothing printed yet." }</p>
            }
            if !console.stdout.is_empty() {
                <pre class="stdout" aria-label="Standard output">{ console.stdout.clone() }</pre>
            }
            if !console.stderr.is_empty() {
                <pre class="stderr" aria-label="Standard error">
                    { for stderr_parts(view).into_iter().map(|(text, race)| match race {
                        Some(i) => html! { <span class="race-report" id={format!("race-report-{i}")}>{ text }</span> },
                        None => html! { <span>{ text }</span> },
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
