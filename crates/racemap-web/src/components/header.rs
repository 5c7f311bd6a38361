//! The page header: title, example picker and the step controls.

use yew::prelude::*;

use crate::components::controls::Controls;
use crate::components::example_picker::ExamplePicker;
use crate::state::Example;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The example currently selected.
    pub example: Example,
    /// Compact (embedded) layout: the title is smaller.
    pub embed: bool,
    /// Called when the user picks another example.
    pub on_select_example: Callback<Example>,
}

/// Title, example picker and controls.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    html! {
        <header class="header">
            <h1 class="title">{ "racemap" }</h1>
            if !props.embed {
                <p class="tagline">{ "Watch goroutines share a Go map, one step at a time." }</p>
            }
            <div class="toolbar">
                <ExamplePicker
                    selected={props.example}
                    on_select={props.on_select_example.clone()}
                />
                <Controls />
            </div>
        </header>
    }
}
