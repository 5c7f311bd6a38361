//! racemap's browser visualizer: a yew (client-side rendered) app served by trunk.
//!
//! Structure follows yew's `examples/function_todomvc`: all UI state lives in one reducer
//! ([`state::State`], changed only through [`state::Action`]); small components in
//! [`components`] receive data through `…Props` and report user intent through `on…`
//! callbacks; side effects (the URL hash, the linked core crate) live in [`services`].
//! Components render state; they never run or mutate a program themselves.

mod components;
mod services;
mod state;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::header::Header;
use crate::components::layout::Layout;
use crate::services::hash;
use crate::state::{Action, Example, State};

/// The whole page: header with the controls, then the panel layout.
#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| State::from_hash(&hash::read()));

    // Follow the URL hash: a pasted link or the browser's back button selects an example.
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

    // Keep the hash in step with the state, so the address bar is always a shareable link.
    {
        let fragment = state.to_hash();
        use_effect_with(fragment, move |fragment| hash::write(fragment));
    }

    let on_select_example = {
        let state = state.clone();
        Callback::from(move |example: Example| state.dispatch(Action::SelectExample(example)))
    };

    let class = classes!("app", state.embed.then_some("embed"));
    html! {
        <div {class} data-testid="app">
            <Header example={state.example} {on_select_example} embed={state.embed} />
            <Layout example={state.example} embed={state.embed} />
        </div>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
