//! The workload of the presets: goroutines, operations each, write share, keys. Changing it
//! regenerates the example's Go source with the core's `strategies` module.

use racemap::strategies::Workload;
use yew::prelude::*;

use crate::components::number_field::NumberField;

/// Properties of [`WorkloadForm`].
#[derive(Properties, PartialEq)]
pub struct WorkloadFormProps {
    /// The current workload.
    pub workload: Workload,
    /// Called with the changed workload.
    pub on_change: Callback<Workload>,
}

/// One numeric field: label, range and how it changes the workload.
struct Field {
    label: &'static str,
    min: u32,
    max: u32,
    step: u32,
    get: fn(&Workload) -> u32,
    set: fn(&mut Workload, u32),
}

const FIELDS: [Field; 4] = [
    Field {
        label: "Goroutines",
        min: 1,
        max: 8,
        step: 1,
        get: |w| w.goroutines,
        set: |w, v| w.goroutines = v,
    },
    Field {
        label: "Operations each",
        min: 1,
        max: 20,
        step: 1,
        get: |w| w.ops_per_goroutine,
        set: |w, v| w.ops_per_goroutine = v,
    },
    Field {
        label: "Writes %",
        min: 0,
        max: 100,
        step: 10,
        get: |w| w.write_percent,
        set: |w, v| w.write_percent = v,
    },
    Field {
        label: "Keys",
        min: 1,
        max: 10,
        step: 1,
        get: |w| w.keys,
        set: |w, v| w.keys = v,
    },
];

/// The workload fields.
#[function_component(WorkloadForm)]
pub fn workload_form(props: &WorkloadFormProps) -> Html {
    html! {
        <fieldset class="workload">
            <legend>{ "Workload" }</legend>
            { for FIELDS.iter().map(|field| {
                let on_change = {
                    let on_change = props.on_change.clone();
                    let workload = props.workload;
                    let set = field.set;
                    Callback::from(move |value: u64| {
                        let mut next = workload;
                        set(&mut next, u32::try_from(value).unwrap_or(u32::MAX));
                        on_change.emit(next);
                    })
                };
                html! {
                    <NumberField
                        label={field.label}
                        value={u64::from((field.get)(&props.workload))}
                        min={u64::from(field.min)}
                        max={Some(u64::from(field.max))}
                        step={u64::from(field.step)}
                        {on_change}
                    />
                }
            }) }
        </fieldset>
    }
}
