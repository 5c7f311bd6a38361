//! "Compare strategies": the current workload run through every strategy, side by side — for
//! each: data race possible, crash possible, deadlock possible, whether the search covered
//! every interleaving and how many runs it explored, how many steps goroutines spent blocked
//! on locks or channels, a real Go measurement for the nearest read/write mix, and when the
//! strategy fits.

use racemap::explore::ExploreResult;
use racemap::playback::contention::Contention;
use racemap::strategies::{Strategy, Workload};
use yew::prelude::*;

use crate::components::{count, prose};
use crate::services::go_bench::GoBench;
use crate::state::{
    crash_possible, runs_per_second, Action, Comparison, RowStatus, State, CONTENTION_RUNS,
};

/// Properties of [`ComparePanel`].
#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The app state.
    pub state: State,
    /// Called with the user's intent.
    pub on_action: Callback<Action>,
}

fn yes_no(possible: bool, bad: bool) -> Html {
    let (text, class) = match (possible, bad) {
        (true, true) => ("yes", "verdict bad"),
        (true, false) => ("yes", "verdict"),
        (false, _) => ("no", "verdict good"),
    };
    html! { <span class={class}>{ text }</span> }
}

fn search_cell(result: &ExploreResult) -> Html {
    if result.complete {
        html! { <>{ "complete: every interleaving" }</> }
    } else {
        html! { <>{ "not complete: stopped at its budget" }</> }
    }
}

fn blocked_cell(c: &Contention) -> String {
    let per_run = c.waits_per_run();
    let split = match (c.lock_waits, c.chan_waits) {
        (0, 0) => String::new(),
        (_, 0) => " (locks)".to_string(),
        (0, _) => " (channels)".to_string(),
        (l, ch) => format!(" ({}% locks)", l * 100 / (l + ch)),
    };
    format!("{per_run:.1}{split}")
}

fn row(strategy: Strategy, status: &RowStatus, comparison: &Comparison, go: &GoBench) -> Html {
    let go_cell = match go.nearest(strategy, comparison.workload.write_percent) {
        Some((percent, ns)) => {
            let note = if strategy == Strategy::Unsynchronized {
                " (one goroutine)"
            } else {
                ""
            };
            format!("{ns:.0} ns/op at {percent}% writes{note}")
        }
        None => "not measured".to_string(),
    };
    let cells = match status {
        RowStatus::Waiting => html! { <td colspan="6" class="pending">{ "waiting" }</td> },
        RowStatus::Exploring(progress) => html! {
            <td colspan="6" class="pending" aria-busy="true">
                { match progress {
                    Some((p, elapsed_ms)) => format!(
                        "exploring… {}{}",
                        count(p.executions, "run", "runs"),
                        runs_per_second(p.executions, *elapsed_ms)
                            .map(|rate| format!(" ({rate} runs/s)"))
                            .unwrap_or_default(),
                    ),
                    None => "exploring…".to_string(),
                } }
            </td>
        },
        RowStatus::Failed(message) => {
            html! { <td colspan="6" class="failed">{ message.clone() }</td> }
        }
        RowStatus::Done { result, contention } => html! {
            <>
                <td data-col="race">{ yes_no(result.race, true) }</td>
                <td data-col="crash">{ yes_no(crash_possible(result), true) }</td>
                <td data-col="deadlock">{ yes_no(result.deadlock, true) }</td>
                <td data-col="search">{ search_cell(result) }</td>
                <td data-col="runs">{ result.executions }</td>
                <td data-col="blocked">{ blocked_cell(contention) }</td>
            </>
        },
    };
    html! {
        <tr data-strategy={strategy.slug()}>
            <th scope="row">{ strategy.title() }</th>
            { cells }
            <td data-col="go">{ go_cell }</td>
            <td data-col="advice" class="advice">{ prose(strategy.when_to_use()) }</td>
        </tr>
    }
}

/// `2 goroutines × 2 operations on 2 keys, 50% writes`.
fn workload_words(w: Workload) -> String {
    format!(
        "{} × {} on {}, {}% writes",
        count(w.goroutines.into(), "goroutine", "goroutines"),
        count(w.ops_per_goroutine.into(), "operation", "operations"),
        count(w.keys.into(), "key", "keys"),
        w.write_percent
    )
}

/// The comparison table and its button.
#[function_component(ComparePanel)]
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    let go = use_memo((), |()| GoBench::shipped());
    let w = props.state.workload;
    let start = props
        .on_action
        .reform(|_: MouseEvent| Action::StartComparing);
    let stop = props
        .on_action
        .reform(|_: MouseEvent| Action::StopComparing);
    let running = props
        .state
        .comparison
        .as_ref()
        .is_some_and(Comparison::is_running);
    let current_words = workload_words(w);
    let table = props.state.comparison.as_ref().map(|c| {
        let compared = workload_words(c.workload);
        html! {
            <>
                <div class="compare-scroll" tabindex="0" role="group" aria-label="Comparison table">
                    <table class="compare">
                        <caption>{ format!("Every strategy on the same workload: {compared}") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Strategy" }</th>
                                <th scope="col">{ "Data race possible" }</th>
                                <th scope="col">{ "Crash possible" }</th>
                                <th scope="col">{ "Deadlock possible" }</th>
                                <th scope="col">{ "Search" }</th>
                                <th scope="col">{ "Runs explored" }</th>
                                <th scope="col">{ "Steps blocked per run" }</th>
                                <th scope="col">{ "Real Go" }</th>
                                <th scope="col">{ "When it fits" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for c.rows().map(|(s, status)| row(s, status, c, &go)) }
                        </tbody>
                    </table>
                </div>
                if c.stopped {
                    <p class="compare-note">{ "Stopped by you: the rows still waiting were not explored." }</p>
                }
            </>
        }
    });
    html! {
        <div class="compare-view">
            <p>
                { format!("Runs the current workload ({current_words}) through each strategy: a search of its interleavings \
                   (up to {} runs each, like Find a bug), and {CONTENTION_RUNS} seeded runs counting the steps \
                   goroutines spend blocked on a lock or a channel.", crate::state::COMPARE_BUDGET) }
            </p>
            <div class="compare-actions">
                if running {
                    <button type="button" onclick={stop}>{ "Stop comparing" }</button>
                } else {
                    <button type="button" onclick={start}>{ "Compare all strategies" }</button>
                }
            </div>
            { for table }
            <p class="go-bench-note">
                { "Real Go: ns per map operation from " }<code>{ "go test -bench" }</code>
                { format!(" over 1000 keys at the measured mix nearest to this workload ({}; {}; {}), \
                    made by ", go.go, go.machine, go.date) }
                <code>{ "cargo xtask go-bench" }</code>
                { ". The machine was shared and loaded: compare the strategies with each other, not with other machines." }
            </p>
        </div>
    }
}
