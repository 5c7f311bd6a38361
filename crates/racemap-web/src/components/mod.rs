//! Small presentational components. Each takes a `…Props` struct and reports user intent
//! through `on…` callbacks; none holds state of its own beyond what the DOM needs (an editor's
//! draft, a scroll position). [`toolbar::Toolbar`] and [`layout::Layout`] are the two
//! containers that turn callbacks into reducer actions.

pub mod channels_panel;
pub mod code_panel;
pub mod compare_panel;
pub mod console_panel;
pub mod controls;
pub mod example_picker;
pub mod go_version_picker;
pub mod goroutines_panel;
pub mod layout;
pub mod locks_panel;
pub mod map_panel;
pub mod number_field;
pub mod outcomes_panel;
pub mod panel;
pub mod scheduler_picker;
pub mod share;
pub mod supported_go;
pub mod test_picker;
pub mod timeline_panel;
pub mod timers_panel;
pub mod toolbar;
pub mod workload_form;

/// The colour class of a goroutine (`g0`…`g7`). Colour is never the only signal: every
/// coloured mark also carries the goroutine's number.
pub fn goroutine_class(go_id: u64) -> String {
    format!("g{}", go_id % 8)
}

/// "main goroutine" or "goroutine N", as the live region and Go's reports say it.
pub fn who(go_id: u64) -> String {
    if go_id == 1 {
        "main goroutine".to_string()
    } else {
        format!("goroutine {go_id}")
    }
}

/// `1 run`, `2 runs`: a count with its noun in the right number.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A small coloured badge naming a goroutine: `g6`.
pub fn goroutine_badge(go_id: u64) -> yew::Html {
    yew::html! {
        <span class={yew::classes!("gbadge", goroutine_class(go_id))} title={who(go_id)}>
            { format!("g{go_id}") }
        </span>
    }
}

/// Text whose `backticked` spans are code (the core's prose marks Go that way): the spans
/// become `<code>` elements and the backticks are dropped.
pub fn prose(text: &str) -> yew::Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            yew::html! { <code>{ part.to_string() }</code> }
        } else {
            yew::html! { { part.to_string() } }
        }
    });
    yew::html! { <>{ for parts }</> }
}
