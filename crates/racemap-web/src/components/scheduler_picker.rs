//! Who chooses the automatic moves: you, a seeded random scheduler, or an explorer schedule.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::number_field::NumberField;
use crate::state::SchedulerChoice;

/// Properties of [`SchedulerPicker`].
#[derive(Properties, PartialEq)]
pub struct SchedulerPickerProps {
    /// The current scheduler.
    pub scheduler: SchedulerChoice,
    /// The last explorer schedule loaded, offered again when another scheduler is chosen.
    #[prop_or_default]
    pub last_schedule: Option<AttrValue>,
    /// Called with the chosen scheduler.
    pub on_change: Callback<SchedulerChoice>,
}

/// The "Scheduler" select, and the seed field in random mode.
#[function_component(SchedulerPicker)]
pub fn scheduler_picker(props: &SchedulerPickerProps) -> Html {
    let current_seed = match props.scheduler {
        SchedulerChoice::Seeded(seed) => seed,
        _ => 1,
    };
    let schedule = match &props.scheduler {
        SchedulerChoice::Replay(s) => Some(AttrValue::from(s.clone())),
        _ => props.last_schedule.clone(),
    };
    let onchange = {
        let on_change = props.on_change.clone();
        let schedule = schedule.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let choice = match select.value().as_str() {
                "random" => SchedulerChoice::Seeded(current_seed),
                "schedule" => match &schedule {
                    Some(s) => SchedulerChoice::Replay(s.to_string()),
                    None => return,
                },
                _ => SchedulerChoice::Manual,
            };
            on_change.emit(choice);
        })
    };
    let on_seed = {
        let on_change = props.on_change.clone();
        Callback::from(move |seed: u64| on_change.emit(SchedulerChoice::Seeded(seed)))
    };
    let selected = match props.scheduler {
        SchedulerChoice::Manual => "manual",
        SchedulerChoice::Seeded(_) => "random",
        SchedulerChoice::Replay(_) => "schedule",
    };
    html! {
        <div class="scheduler">
            <label class="field">
                <span class="field-label">{ "Scheduler" }</span>
                <select name="scheduler" {onchange}>
                    <option value="manual" selected={selected == "manual"}>{ "You pick" }</option>
                    <option value="random" selected={selected == "random"}>{ "Random with seed" }</option>
                    <option value="schedule" selected={selected == "schedule"} disabled={schedule.is_none()}>
                        { "Explorer schedule" }
                    </option>
                </select>
            </label>
            if let SchedulerChoice::Seeded(seed) = props.scheduler {
                <NumberField label="Seed" value={seed} on_change={on_seed} />
            }
        </div>
    }
}
