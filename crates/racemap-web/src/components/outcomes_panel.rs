//! The explorer's findings: every distinct outcome of the program (what it printed, how it
//! failed, whether it raced), how many explored runs ended that way, and a button that loads the
//! outcome's schedule so the user can step through it.

use racemap::explore::Outcome;
use yew::prelude::*;

use crate::state::Exploration;

/// Properties of [`OutcomesPanel`].
#[derive(Properties, PartialEq)]
pub struct OutcomesPanelProps {
    /// The explorer's state.
    pub exploration: Exploration,
    /// Called with an outcome's schedule to step through.
    pub on_load: Callback<String>,
}

/// A short verdict: `data race · fatal error: concurrent map writes`.
pub fn verdict(outcome: &Outcome) -> String {
    let mut parts = Vec::new();
    if outcome.race {
        parts.push("data race".to_string());
    }
    match &outcome.error {
        Some(error) => parts.push(error.clone()),
        None if !outcome.race => parts.push("exits normally".to_string()),
        None => {}
    }
    parts.join(" · ")
}

/// The outcomes list.
#[function_component(OutcomesPanel)]
pub fn outcomes_panel(props: &OutcomesPanelProps) -> Html {
    let (summary, outcomes) = match &props.exploration {
        Exploration::Idle => {
            return html! {
                <p class="empty">
                    { "Find a bug explores every interleaving that matters (dynamic partial-order reduction) and lists each distinct outcome here." }
                </p>
            }
        }
        Exploration::Running { progress, .. } => (
            match progress {
                Some(p) => format!(
                    "Searching… {} runs explored, {} outcomes so far.",
                    p.executions,
                    p.outcomes.len()
                ),
                None => "Searching…".to_string(),
            },
            progress
                .as_ref()
                .map(|p| p.outcomes.clone())
                .unwrap_or_default(),
        ),
        Exploration::Done(result) => (
            format!(
                "{} {} runs explored: {} distinct outcome{}{}.",
                if result.complete {
                    "Every interleaving covered:"
                } else {
                    "Search stopped before covering every interleaving:"
                },
                result.executions,
                result.outcomes.len(),
                if result.outcomes.len() == 1 { "" } else { "s" },
                if result.race {
                    ", some with a data race"
                } else {
                    ", no data race"
                },
            ),
            result.outcomes.clone(),
        ),
    };
    let bad = |o: &Outcome| o.race || o.error.is_some();
    let done = matches!(props.exploration, Exploration::Done(_));
    html! {
        <div class="outcomes">
            // Announced when the search ends, not on every chunk of it.
            <p class="outcome-summary" role={done.then_some("status")} aria-live={if done { "polite" } else { "off" }}>
                { summary }
            </p>
            <ol class="outcome-list">
                { for outcomes.iter().enumerate().map(|(i, o)| {
                    let schedule = o.schedule.clone();
                    let onclick = props.on_load.reform(move |_: MouseEvent| schedule.clone());
                    html! {
                        <li class={classes!("outcome", bad(o).then_some("bad"))}>
                            <span class="verdict">{ if bad(o) { "⚠ " } else { "✓ " } }{ verdict(o) }</span>
                            { format!(" — {} run{}", o.count, if o.count == 1 { "" } else { "s" }) }
                            if !o.stdout.is_empty() {
                                <code class="outcome-stdout">{ o.stdout.trim_end().to_string() }</code>
                            }
                            <button type="button" {onclick} aria-label={format!("Step through outcome {}: {}", i + 1, verdict(o))}>
                                { "Step through" }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
