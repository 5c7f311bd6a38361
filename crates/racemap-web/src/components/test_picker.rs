//! A labelled `<select>` of the tests of a pasted `_test.go` file: the chosen `TestXxx` runs as
//! the program (its goroutines numbered as under `go test -race`: the test is 7, the ones it
//! starts 8, 9, …).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::TestPick;

/// Properties of [`TestPicker`].
#[derive(Properties, PartialEq)]
pub struct TestPickerProps {
    /// The tests and the chosen one.
    pub test: TestPick,
    /// Called with the name of the newly picked test.
    pub on_select: Callback<String>,
}

/// The "Test" picker.
#[function_component(TestPicker)]
pub fn test_picker(props: &TestPickerProps) -> Html {
    let onchange = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_select.emit(select.value());
        })
    };
    let chosen = props.test.name();
    html! {
        <label class="field picker">
            <span class="field-label">{ "Test" }</span>
            <select name="test" {onchange}>
                { for props.test.names.iter().map(|name| html! {
                    <option value={name.clone()} selected={name == chosen}>{ name.clone() }</option>
                }) }
            </select>
        </label>
    }
}
