//! The space-time diagram: a column per goroutine, a row per step, the step's action as a dot
//! in its goroutine's column, happens-before arrows between steps (unlock→lock, send→receive,
//! go→start, Done→Wait, …) and the two accesses of each data race in red, joined, with a link
//! to the race's report. Clicking a step goes there.
//!
//! Only the rows in and near the scrolled-to window are drawn, so a trace of thousands of steps
//! costs the same per step as a short one.

use racemap::playback::timeline::ArrowKind;
use racemap::playback::View;
use web_sys::Element;
use yew::prelude::*;

use crate::components::number_field::NumberField;
use crate::components::{goroutine_class, who};
use crate::state::Shared;

/// Height of one step's row, in pixels.
const ROW: f64 = 22.0;
/// Width of one goroutine's column.
const LANE: f64 = 34.0;
/// Room for the step numbers on the left.
const LEFT: f64 = 44.0;
/// Rows drawn above and below the visible window.
const MARGIN_ROWS: f64 = 30.0;
/// Height of the scrolling area (matches the stylesheet).
const VIEWPORT: f64 = 360.0;

/// Edge kinds in legend order (only those present are listed).
const LEGEND: [ArrowKind; 7] = [
    ArrowKind::UnlockLock,
    ArrowKind::SendReceive,
    ArrowKind::CloseReceive,
    ArrowKind::GoStart,
    ArrowKind::DoneWait,
    ArrowKind::OnceDo,
    ArrowKind::StoreLoad,
];

/// Properties of [`TimelinePanel`].
#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
    /// Called with a step to go to.
    pub on_goto: Callback<u64>,
}

fn arrow_words(kind: ArrowKind) -> (&'static str, &'static str) {
    match kind {
        ArrowKind::UnlockLock => ("unlock-lock", "unlock → lock"),
        ArrowKind::SendReceive => ("send-receive", "send → receive"),
        ArrowKind::CloseReceive => ("close-receive", "close → receive"),
        ArrowKind::GoStart => ("go-start", "go → start"),
        ArrowKind::DoneWait => ("done-wait", "Done → Wait"),
        ArrowKind::OnceDo => ("once-do", "once.Do → Do"),
        ArrowKind::StoreLoad => ("store-load", "store → load"),
    }
}

/// Scroll the report of race `index` in the console into view.
fn show_report(index: usize) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("race-report-{index}")))
    {
        element.scroll_into_view();
        let _ = element.set_attribute("data-highlight", "true");
    }
}

/// The timeline.
#[function_component(TimelinePanel)]
pub fn timeline_panel(props: &TimelinePanelProps) -> Html {
    let view = &props.view;
    let scroller = use_node_ref();
    let scroll_top = use_state(|| 0.0_f64);

    // Keep the current step in sight when it moves.
    {
        let scroller = scroller.clone();
        let scroll_top = scroll_top.clone();
        // The scroll position is known from the last scroll event, and the height is fixed:
        // a step that stays in sight reads no layout.
        let top = *scroll_top;
        use_effect_with(view.step, move |step| {
            if let Some(element) = scroller.cast::<Element>() {
                let y = (*step as f64 - 1.0).max(0.0) * ROW;
                let height = VIEWPORT;
                if y < top + ROW || y > top + height - 2.0 * ROW {
                    let target = (y - height / 2.0).max(0.0);
                    element.set_scroll_top(target as i32);
                    // The rows drawn follow where the box really is: near the end the browser
                    // stops short of the target (there is nothing below the last row). Storing
                    // the target instead would draw the window of a position the box never
                    // had, until the scroll event corrected it — a view that depended on when
                    // that event came.
                    scroll_top.set(f64::from(element.scroll_top()));
                }
            }
        });
    }
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            let element: Element = event.target_unchecked_into();
            scroll_top.set(element.scroll_top() as f64);
        })
    };

    let goto_field = html! {
        <NumberField
            label="Go to step"
            class="goto"
            value={view.step}
            on_change={props.on_goto.clone()}
        />
    };

    if view.timeline.is_empty() {
        return html! {
            <div class="timeline-empty">
                { goto_field }
                <p class="empty">{ "No steps yet: each step appears here as a dot in its goroutine's column." }</p>
                <div ref={scroller} />
            </div>
        };
    }

    let lanes: Vec<u64> = view.goroutines.iter().map(|g| g.go_id).collect();
    let x = |go_id: u64| {
        LEFT + LANE * (lanes.iter().position(|g| *g == go_id).unwrap_or(0) as f64 + 0.5)
    };
    let y = |step: u64| (step as f64 - 0.5) * ROW;
    let width_lanes = LEFT + LANE * lanes.len() as f64;
    let total = view.timeline.len() as f64;
    let height = total * ROW + ROW / 2.0;
    let first = ((*scroll_top / ROW) - MARGIN_ROWS).max(0.0) as u64;
    let last = ((*scroll_top + VIEWPORT) / ROW + MARGIN_ROWS) as u64;
    let in_window = |step: u64| step >= first && step <= last + 1;

    let race_pairs: Vec<(usize, u64, u64)> = view
        .races
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.previous.step?, r.current.step?)))
        .collect();

    let rows = view.timeline.iter().filter(|e| in_window(e.step)).map(|entry| {
        let step = entry.step;
        let onclick = props.on_goto.reform(move |_: MouseEvent| step);
        let cy = y(step);
        let current = step == view.step;
        html! {
            <g
                class={classes!("row", current.then_some("current"), entry.racing.then_some("racing"))}
                data-step={step.to_string()}
                {onclick}
            >
                <rect class="row-bg" x="0" y={(cy - ROW / 2.0).to_string()} width="100%" height={ROW.to_string()} />
                <text class="step-no" x={(LEFT - 6.0).to_string()} y={(cy + 4.0).to_string()} text-anchor="end">{ step }</text>
                { for entry.actions.iter().map(|a| html! {
                    <circle
                        class={classes!("dot", goroutine_class(a.go_id))}
                        cx={x(a.go_id).to_string()}
                        cy={cy.to_string()}
                        r={if entry.racing { "7" } else { "5" }}
                    />
                }) }
                if entry.racing {
                    <text class="race-bang" x={(x(entry.go_id)).to_string()} y={(cy + 4.0).to_string()} text-anchor="middle">{ "!" }</text>
                }
                <text class="phrase" x={(width_lanes + 8.0).to_string()} y={(cy + 4.0).to_string()}>
                    { format!("g{} {} · line {}", entry.go_id, entry.phrase, entry.line) }
                </text>
                <title>{ format!("step {step}: {} {} (line {})", who(entry.go_id), entry.phrase, entry.line) }</title>
            </g>
        }
    });
    let arrows = view
        .arrows
        .iter()
        .filter(|a| a.to_step >= first && a.from_step <= last + 1)
        .map(|a| {
            let (class, words) = arrow_words(a.kind);
            html! {
                <line
                    class={classes!("hb", class)}
                    x1={x(a.from_go_id).to_string()} y1={y(a.from_step).to_string()}
                    x2={x(a.to_go_id).to_string()} y2={y(a.to_step).to_string()}
                    marker-end="url(#hb-head)"
                >
                    <title>{ format!("happens before: {words} (step {} → step {})", a.from_step, a.to_step) }</title>
                </line>
            }
        });
    let races = race_pairs
        .iter()
        .filter(|(_, a, b)| *b >= first && *a <= last + 1)
        .map(|(i, a, b)| {
            let r = &view.races[*i];
            html! {
                <line
                    class="race-link"
                    x1={x(r.previous.go_id).to_string()} y1={y(*a).to_string()}
                    x2={x(r.current.go_id).to_string()} y2={y(*b).to_string()}
                >
                    <title>{ format!("data race on {}: step {a} and step {b}", r.location) }</title>
                </line>
            }
        });
    let header = lanes.iter().map(|g| html! {
        <span class={classes!("lane-label", goroutine_class(*g))} style={format!("left:{}px;width:{}px", x(*g) - LANE / 2.0, LANE)}>
            { format!("g{g}") }
        </span>
    });
    let race_list = view.races.iter().enumerate().map(|(i, r)| {
        let access = |a: &racemap::playback::view::AccessInfo| {
            format!(
                "{} {} at line {}{}",
                who(a.go_id),
                if a.write { "write" } else { "read" },
                a.line,
                a.step.map(|s| format!(" (step {s})")).unwrap_or_default()
            )
        };
        let goto = r.previous.step.map(|s| props.on_goto.reform(move |_: MouseEvent| s));
        html! {
            <li class="race-item">
                <span class="race-mark">{ "⚠ data race" }</span>
                { format!(" on {}: {} and {}", r.location, access(&r.previous), access(&r.current)) }
                if let Some(onclick) = goto {
                    <button type="button" class="link" {onclick}>{ "Go to the first access" }</button>
                }
                <button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| show_report(i))}>
                    { "Show the report" }
                </button>
            </li>
        }
    });
    // The current step's row in full: a row of the diagram is one line of SVG text, cut at the
    // panel's edge when the phrase is long (a sync.Map step explains its internals).
    let current = view
        .timeline
        .iter()
        .rev()
        .find(|e| e.step == view.step)
        .map(|e| {
            html! {
                <p class="current-step">
                    { format!("Step {}: {} {} (line {})", e.step, who(e.go_id), e.phrase, e.line) }
                </p>
            }
        });
    html! {
        <div class="timeline">
            { goto_field }
            { for current }
            <div class="timeline-head" aria-hidden="true">{ for header }</div>
            <div class="timeline-scroll" ref={scroller} {onscroll} tabindex="0" role="group" aria-label="Timeline steps">
                <svg
                    class="timeline-svg"
                    width="100%"
                    height={height.to_string()}
                    role="img"
                    aria-label={format!("Space-time diagram of {} steps across {} goroutines, with {} happens-before arrows and {} data races", view.timeline.len(), lanes.len(), view.arrows.len(), view.races.len())}
                >
                    <defs>
                        <marker id="hb-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" class="hb-head" />
                        </marker>
                    </defs>
                    { for lanes.iter().map(|g| html! {
                        <line class={classes!("lane-line", goroutine_class(*g))} x1={x(*g).to_string()} y1="0" x2={x(*g).to_string()} y2={height.to_string()} />
                    }) }
                    { for rows }
                    { for arrows }
                    { for races }
                </svg>
            </div>
            <ul class="legend" aria-label="Legend">
                { for LEGEND.iter().filter(|kind| view.arrows.iter().any(|a| a.kind == **kind)).map(|kind| {
                    let (class, words) = arrow_words(*kind);
                    html! {
                        <li>
                            <svg width="28" height="8" aria-hidden="true">
                                <line class={classes!("hb", class)} x1="0" y1="4" x2="28" y2="4" />
                            </svg>
                            { words }
                        </li>
                    }
                }) }
                <li><span class="race-sample" aria-hidden="true">{ "! - - !" }</span>{ " the two accesses of a data race" }</li>
                if !view.maps.is_empty() {
                    <li class="two-steps">
                        { "A map write is two steps, " }<em>{ "starts writing" }</em>{ " (writing flag set) and " }
                        <em>{ "finishes writing" }</em>{ " (flag cleared): another goroutine's access in between is what makes Go crash (see the Map panel)." }
                    </li>
                }
            </ul>
            if !view.races.is_empty() {
                <ol class="race-list" aria-label="Data races">{ for race_list }</ol>
            }
        </div>
    }
}
