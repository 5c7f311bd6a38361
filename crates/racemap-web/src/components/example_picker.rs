//! A labelled `<select>` of the examples: one per map strategy, plus "Your own program".

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::Example;

/// Properties of [`ExamplePicker`].
#[derive(Properties, PartialEq)]
pub struct ExamplePickerProps {
    /// The example shown as selected.
    pub selected: Example,
    /// Called with the newly picked example.
    pub on_select: Callback<Example>,
}

/// The "Example" picker.
#[function_component(ExamplePicker)]
pub fn example_picker(props: &ExamplePickerProps) -> Html {
    let onchange = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(example) = Example::from_id(&select.value()) {
                on_select.emit(example);
            }
        })
    };
    html! {
        <label class="field picker">
            <span class="field-label">{ "Example" }</span>
            <select name="example" {onchange}>
                { for Example::all().map(|example| html! {
                    <option
                        value={example.id()}
                        selected={example == props.selected}
                    >
                        { example.label() }
                    </option>
                }) }
            </select>
        </label>
    }
}
