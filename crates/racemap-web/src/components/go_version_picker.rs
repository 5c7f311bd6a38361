//! A labelled `<select>` of the Go language version the program is compiled as: Go 1.22 gives
//! each loop iteration its own variables; older Go shares them between iterations, the
//! closure-captures-the-loop-variable race that most older Go code and articles show.

use racemap::compile::LangVersion;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The versions offered: `(version, label)`. Within each, racemap's Go subset behaves alike.
const VERSIONS: [(LangVersion, &str); 2] = [
    (
        LangVersion::GO1_22,
        "1.22 or later: a variable per loop iteration",
    ),
    (
        LangVersion::GO1_21,
        "1.21 or older: loops share their variables",
    ),
];

/// Properties of [`GoVersionPicker`].
#[derive(Properties, PartialEq)]
pub struct GoVersionPickerProps {
    /// The version the program is compiled as.
    pub selected: LangVersion,
    /// Called with the newly picked version.
    pub on_select: Callback<LangVersion>,
}

/// The "Go" picker.
#[function_component(GoVersionPicker)]
pub fn go_version_picker(props: &GoVersionPickerProps) -> Html {
    let onchange = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(lang) = LangVersion::parse(&select.value()) {
                on_select.emit(lang);
            }
        })
    };
    // A link may name a version that is not offered (`lang=go1.19`): it is shown as selected
    // by the entry that behaves the same.
    let shown = if props.selected.per_iteration_loop_vars() {
        LangVersion::GO1_22
    } else {
        LangVersion::GO1_21
    };
    html! {
        <label class="field picker">
            <span class="field-label">{ "Go" }</span>
            <select name="go-version" {onchange}>
                { for VERSIONS.iter().map(|(version, label)| html! {
                    <option value={version.to_string()} selected={*version == shown}>
                        { *label }
                    </option>
                }) }
            </select>
        </label>
    }
}
