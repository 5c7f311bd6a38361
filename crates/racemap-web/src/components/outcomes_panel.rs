//! The explorer's findings, right under the "Find a bug" button: while searching, its progress
//! (runs explored, runs per second, outcomes so far);
//! then one sentence on what the search covered (everything, or up to a limit — then a "Search
//! further" button), and every distinct outcome of the program (what it printed, how it failed,
//! whether it raced), how many explored runs ended that way, which sleeps it needs cut short
//! (the core's [`Outcome::sleep_note`]: why it may never show in ordinary runs), which
//! goroutines it needs delayed before a lock or channel queue ([`Outcome::queue_note`]), and a button
//! that steps through the outcome's run to its end.

use racemap::explore::{Outcome, SearchLimit};
use yew::prelude::*;

use crate::components::count;
use crate::state::Exploration;

/// Properties of [`OutcomesPanel`].
#[derive(Properties, PartialEq)]
pub struct OutcomesPanelProps {
    /// The explorer's state.
    pub exploration: Exploration,
    /// Called with an outcome's schedule to step through.
    pub on_load: Callback<String>,
    /// Called when the user asks to search further than the budget.
    pub on_search_further: Callback<()>,
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

/// What the search covered and found, in plain words; `None` before any search.
pub fn summary(exploration: &Exploration) -> Option<String> {
    let outcomes = |n: usize| count(n as u64, "distinct outcome", "distinct outcomes");
    match exploration {
        Exploration::Idle => None,
        Exploration::Running { progress, .. } => Some(match progress {
            Some(p) => format!(
                "Searching… {} explored{}, {} so far.",
                count(p.executions, "run", "runs"),
                exploration
                    .runs_per_second()
                    .map(|rate| format!(" ({} runs/s)", thousands(rate)))
                    .unwrap_or_default(),
                count(p.outcomes.len() as u64, "outcome", "outcomes"),
            ),
            None => "Searching…".to_string(),
        }),
        Exploration::Done {
            result, stopped, ..
        } => {
            let runs = count(result.executions, "run", "runs");
            let found = outcomes(result.outcomes.len());
            Some(if result.complete {
                format!(
                    "Every interleaving covered: {runs} explored, {found}, {}.",
                    if result.race {
                        "some with a data race"
                    } else {
                        "no data race"
                    }
                )
            } else {
                let why = if *stopped {
                    format!("Stopped by you after {runs}")
                } else if result.limit == Some(SearchLimit::RunLimit) {
                    format!("Limit reached: a run was cut short by one of racemap's limits (steps, goroutines or memory: the program may loop or spawn forever) after {runs}")
                } else if result.limit == Some(SearchLimit::Fairness) {
                    format!("Not every interleaving: a goroutine that called runtime.Gosched ran again only after another goroutine moved (fair scheduling) in these {runs}")
                } else if result.limit == Some(SearchLimit::EarlyTicks) {
                    format!(
                        "Not every interleaving: a ticker can fire ahead of its time again and again here; schedules with more than {} early ticks per run were not all searched in these {runs}",
                        racemap::rt::timer::MAX_EARLY_TICKS
                    )
                } else if result.limit == Some(SearchLimit::MaxTotalSteps) {
                    format!("Limit reached: the search stopped at its budget of steps after {runs}")
                } else {
                    format!("Limit reached: the search stopped at its budget after {runs}")
                };
                let races = if result.race {
                    "some with a data race"
                } else {
                    "no data race in these runs, but an interleaving not tried yet may still race"
                };
                format!("{why}, before covering every interleaving. {found} so far, {races}.")
            })
        }
    }
}

/// The summary and the outcomes list (nothing before the first search).
#[function_component(OutcomesPanel)]
pub fn outcomes_panel(props: &OutcomesPanelProps) -> Html {
    let Some(summary) = summary(&props.exploration) else {
        return Html::default();
    };
    let outcomes = match &props.exploration {
        Exploration::Idle => Vec::new(),
        Exploration::Running { progress, .. } => progress
            .as_ref()
            .map(|p| p.outcomes.clone())
            .unwrap_or_default(),
        Exploration::Done { result, .. } => result.outcomes.clone(),
    };
    let bad = |o: &Outcome| o.race || o.error.is_some();
    let done = matches!(props.exploration, Exploration::Done { .. });
    let further = props.exploration.further_budget().map(|budget| {
        let onclick = props.on_search_further.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class="search-further" {onclick}>
                { format!("Search further (up to {} runs)", thousands(budget)) }
            </button>
        }
    });
    html! {
        <div class="outcomes">
            // Announced when the search ends, not on every chunk of it.
            <p class="outcome-summary" role={done.then_some("status")} aria-live={if done { "polite" } else { "off" }}>
                { summary }
                { for further }
            </p>
            <ol class="outcome-list">
                { for outcomes.iter().enumerate().map(|(i, o)| {
                    let schedule = o.schedule.clone();
                    let onclick = props.on_load.reform(move |_: MouseEvent| schedule.clone());
                    html! {
                        <li class={classes!("outcome", bad(o).then_some("bad"))}>
                            <span class="verdict">{ if bad(o) { "⚠ " } else { "✓ " } }{ verdict(o) }</span>
                            { format!(" — {}", count(o.count, "run", "runs")) }
                            if !o.stdout.is_empty() {
                                <code class="outcome-stdout">{ o.stdout.trim_end().to_string() }</code>
                            }
                            if let Some(note) = o.sleep_note() {
                                <p class="outcome-sleep">{ format!("Rare: {note}.") }</p>
                            }
                            if let Some(note) = o.queue_note() {
                                <p class="outcome-queue">{ format!("Rare: {note}.") }</p>
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

/// `100 000`: a number with thin groups of three digits.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(100_000), "100\u{202f}000");
        assert_eq!(thousands(1_000_000), "1\u{202f}000\u{202f}000");
    }
}
