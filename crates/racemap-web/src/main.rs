//! racemap's browser visualizer: a yew (client-side rendered) app served by trunk.
//!
//! Structure follows yew's `examples/function_todomvc`: all UI state lives in one reducer
//! ([`state::State`], changed only through [`state::Action`]); small components in
//! [`components`] receive data through `…Props` and report user intent through `on…`
//! callbacks; side effects (the URL hash, timers, the clipboard, the explorer's Web Worker)
//! live in [`services`]. Components render the core's views; they never run or mutate a program
//! themselves.
//!
//! The core itself (compiler and machine) is not in this binary's wasm: the page renders the
//! program's code at once, then loads the core ([`services::core::load`], the explorer worker's
//! wasm instantiated in this thread) and steps through it from then on.

mod components;
mod services;
mod state;

use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use crate::components::layout::Layout;
use crate::components::toolbar::Toolbar;
use crate::services::explorer::{lanes, Explorers};
use crate::services::{core, embed_host, hash};
use crate::state::{Action, Exploration, State};

/// How long the state must stay unchanged before the URL hash is rewritten.
const HASH_WRITE_DELAY_MS: u32 = 150;

/// How long after a change the widget checks that it still holds the focus (after the
/// browser has moved focus away from a control that got disabled).
const FOCUS_CHECK_DELAY_MS: u32 = 60;

/// Focus the widget when its document has focus but no element does.
fn keep_focus(root: &NodeRef) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| *body == active),
    };
    if lost && document.has_focus().unwrap_or(false) {
        if let Some(element) = root.cast::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}

/// What a key pressed inside the widget does, if anything. Keys typed into a field, and Space
/// or Enter on a button (which press the button), are left alone.
fn key_action(event: &KeyboardEvent) -> Option<Action> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    let tag = event
        .target_dyn_into::<web_sys::Element>()
        .map(|element| element.tag_name())
        .unwrap_or_default();
    if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
        return None;
    }
    let key = event.key();
    // Space and Enter press buttons, open <details> and follow links.
    if matches!(tag.as_str(), "BUTTON" | "SUMMARY" | "A") && matches!(key.as_str(), " " | "Enter") {
        return None;
    }
    match key.as_str() {
        "ArrowRight" => Some(Action::Step),
        "ArrowLeft" => Some(Action::Back),
        " " => Some(Action::TogglePlay),
        "r" | "R" => Some(Action::Reset),
        _ => None,
    }
}

/// The whole widget: toolbar with the controls, then the panels.
#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| State::from_hash(&hash::read()));

    // Follow the URL hash: a pasted link or the browser's back button loads its state.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    state.dispatch(Action::LoadHash(hash::read()));
                })
            });
            move || drop(listener)
        });
    }

    // The core: loaded once the page has rendered (the code is on screen meanwhile).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            core::load(move |loaded| {
                dispatcher.dispatch(match loaded {
                    Ok(()) => Action::CoreReady,
                    Err(why) => Action::CoreFailed(why),
                })
            });
        });
    }

    // A link made while comparing strategies opens on the comparison (drawn once the core has
    // loaded: the panels wait for it).
    let loading = state.loading();
    use_effect_with(loading, move |loading| {
        if *loading {
            return;
        }
        let section = hash::read()
            .has("compare")
            .then(|| {
                web_sys::window()?
                    .document()?
                    .get_element_by_id("panel-compare-title")
            })
            .flatten();
        if let Some(section) = section {
            section.scroll_into_view();
        }
    });

    // Keep the hash in step with the state, so the address bar is always a shareable link.
    // Written once the state has been still for a moment: browsers throttle (and then drop)
    // history updates made on every step of a fast Play. Another program (example, workload,
    // the user's code) adds a history entry, so Back brings the previous program back; steps
    // and moves replace the entry.
    let fragment = AttrValue::from(state.to_hash());
    {
        let state = state.clone();
        use_effect_with(fragment.clone(), move |fragment| {
            let fragment = fragment.clone();
            let write = Timeout::new(HASH_WRITE_DELAY_MS, move || {
                let entry = if state.shows_program_of(&hash::read()) {
                    hash::HistoryEntry::Replace
                } else {
                    hash::HistoryEntry::Push
                };
                hash::write(&fragment, entry);
            });
            move || drop(write)
        });
    }

    // Play: one automatic step per tick while playing.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.playing, state.speed_ms),
            move |(playing, speed_ms)| {
                let interval = playing
                    .then(|| Interval::new(*speed_ms, move || dispatcher.dispatch(Action::Tick)));
                move || drop(interval)
            },
        );
    }

    // Find a bug and Compare strategies: the explorer's workers search off this thread (each
    // spawned on its first search); an effect's cleanup (a new search, another program, Stop)
    // stops its search.
    let explorers = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Explorers::new(dispatcher))
    };
    {
        // At the first render: the workers start (fetching only their small script) and warm
        // up once the core has loaded, whose compiled module they are handed, while the
        // reader looks at the page (an embed, often one of several on a docs page, waits for
        // its first search).
        let explorers = explorers.clone();
        let (source, options) = (state.source.clone(), state.compile_options());
        use_effect_with(state.embed, move |embed| {
            if !*embed {
                explorers.warm_up(&source, options);
            }
        });
    }
    {
        let running = match &state.exploration {
            Exploration::Running {
                generation, budget, ..
            } => Some((*generation, *budget)),
            _ => None,
        };
        let source = state.source.clone();
        let options = state.compile_options();
        let explorers = explorers.clone();
        use_effect_with(running, move |running| {
            let search = running
                .map(|(generation, budget)| explorers.start(&source, options, generation, budget));
            move || drop(search)
        });
    }
    {
        // The comparison's rows to search now: each row goes on on its worker until it finishes
        // (the service stops the rows no longer wanted), so this effect has no cleanup.
        let running = state
            .comparison
            .as_ref()
            .map(|c| (c.generation, c.running(lanes())));
        let comparison = state.comparison.clone();
        use_effect_with(running, move |_| {
            explorers.compare(comparison.as_ref().filter(|c| c.is_running()));
            || ()
        });
    }

    // Keys act while the widget has focus. A control that gets disabled (Step at the end) or
    // removed (a goroutine's move) would drop focus to <body> and end that; so after each
    // change, if this document still has focus but nothing in it is focused, the widget takes
    // it back (never from the host page of an embed: then this document has no focus).
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(fragment.clone(), move |_| {
            let check = Timeout::new(FOCUS_CHECK_DELAY_MS, move || keep_focus(&root));
            move || drop(check)
        });
    }

    // Embedded: the host page's `embed.js` sizes the iframe to the content.
    {
        let root = root.clone();
        use_effect_with(state.embed, move |embed| {
            let reporter = embed
                .then(|| root.cast::<web_sys::Element>())
                .flatten()
                .and_then(embed_host::report_height);
            move || drop(reporter)
        });
    }

    let onkeydown = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(action) = key_action(&event) {
                event.prevent_default();
                dispatcher.dispatch(action);
            }
        })
    };

    let class = classes!("app", state.embed.then_some("embed"));
    html! {
        <div
            {class}
            data-testid="app"
            data-explorer={if state.explorer_warm { "warm" } else { "cold" }}
            data-core={if loading { "loading" } else { "ready" }}
            ref={root}
            tabindex="0"
            aria-keyshortcuts="ArrowRight ArrowLeft Space R"
            {onkeydown}
        >
            <Toolbar state={(*state).clone()} hash={fragment} dispatch={state.dispatcher()} />
            <Layout state={(*state).clone()} dispatch={state.dispatcher()} />
        </div>
    }
}

fn main() {
    // index.html shows a placeholder while the wasm loads; the app takes its place.
    if let Some(placeholder) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        placeholder.remove();
    }
    yew::Renderer::<App>::new().render();
}
