//! A labelled number field that keeps what the reader types until they commit it.
//!
//! yew refreshes an `<input>`'s value from the view on every render of it, so a field bound to
//! the state alone loses the reader's half-typed number whenever anything else re-renders the
//! page before the `change` event: a search's progress (every slice), Play, the explorer's
//! worker warming up. The field keeps the typed text as a draft between the first `input`
//! event and the `change` event, shows it while it lasts, and hands the parsed number to
//! `on_change` when the reader commits (Enter, Tab, the arrows).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The label shown before the field.
    pub label: AttrValue,
    /// The value in the state.
    pub value: u64,
    /// The smallest value (`min`).
    #[prop_or_default]
    pub min: u64,
    /// The largest value (`max`), if any.
    #[prop_or_default]
    pub max: Option<u64>,
    /// The arrows' step (`step`).
    #[prop_or(1)]
    pub step: u64,
    /// Classes added to the label's `field number`.
    #[prop_or_default]
    pub class: Classes,
    /// Called with the committed number (text that is not a number is ignored).
    pub on_change: Callback<u64>,
}

/// A number field that does not lose the reader's typing to a render.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    // The text typed since the last commit; while it is `Some`, the field shows it instead of
    // the state's value.
    let draft = use_state(|| None::<String>);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let onchange = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            draft.set(None);
            if let Ok(value) = input.value().trim().parse::<u64>() {
                on_change.emit(value);
            }
        })
    };
    let shown = (*draft).clone().unwrap_or_else(|| props.value.to_string());
    html! {
        <label class={classes!("field", "number", props.class.clone())}>
            <span class="field-label">{ props.label.clone() }</span>
            <input
                type="number"
                min={props.min.to_string()}
                max={props.max.map(|max| max.to_string())}
                step={props.step.to_string()}
                value={shown}
                {oninput}
                {onchange}
            />
        </label>
    }
}
