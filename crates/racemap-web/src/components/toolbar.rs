//! The toolbar: title, example, Go version, the test of a test file and workload, the step controls, the scheduler, "Find a bug"
//! with its outcomes right below it, Share and Embed. A container: it turns its children's
//! callbacks into reducer actions.

use yew::prelude::*;

use crate::components::controls::Controls;
use crate::components::example_picker::ExamplePicker;
use crate::components::go_version_picker::GoVersionPicker;
use crate::components::outcomes_panel::OutcomesPanel;
use crate::components::scheduler_picker::SchedulerPicker;
use crate::components::share::{full_page_link, Share};
use crate::components::test_picker::TestPicker;
use crate::components::workload_form::WorkloadForm;
use crate::services::clipboard;
use crate::services::core::PlaybackPort;
use crate::state::{Action, Example, Exploration, SchedulerChoice, State};

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The app state.
    pub state: State,
    /// The URL hash of the state (computed once per change by the app).
    pub hash: AttrValue,
    /// The reducer's dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Title, pickers and controls.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let state = &props.state;
    let dispatch = props.dispatch.clone();
    let on_action = Callback::from(move |action: Action| dispatch.dispatch(action));
    let on_select_example = on_action.reform(Action::SelectExample);
    let on_workload = on_action.reform(Action::SetWorkload);
    let on_lang = on_action.reform(Action::SetLang);
    let on_scheduler = on_action.reform(Action::SetScheduler);
    let view = state.run().map(|run| run.view.clone());
    let exploring = matches!(state.exploration, Exploration::Running { .. });
    let find_bug = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(if exploring {
                Action::StopExploring
            } else {
                Action::StartExploring
            })
        })
    };
    let last_schedule: Option<AttrValue> = state.loaded_schedule.clone().map(AttrValue::from);
    let title = match state.example {
        Example::Preset(strategy) => strategy.title(),
        Example::Blank => "a Go program",
    };
    html! {
        <header class="toolbar">
            <div class="brand">
                <h1 class="title">{ "racemap" }</h1>
                if state.embed {
                    <a
                        class="open-full"
                        href={full_page_link(&clipboard::page_base(), &props.hash)}
                        target="_blank"
                        rel="noopener"
                    >
                        { "Open in racemap ↗" }
                    </a>
                } else {
                    <p class="tagline">{ "Watch goroutines share a Go map, one step at a time." }</p>
                }
            </div>
            <div class="program-row">
                <ExamplePicker selected={state.example} on_select={on_select_example} />
                <GoVersionPicker selected={state.lang} on_select={on_lang} />
                if let Some(test) = &state.test {
                    <TestPicker test={test.clone()} on_select={on_action.reform(Action::SelectTest)} />
                }
                if let (Example::Preset(strategy), false) = (state.example, state.embed) {
                    <WorkloadForm workload={state.workload} on_change={on_workload} />
                    <p class="when-to-use">{ crate::components::prose(strategy.when_to_use()) }</p>
                }
            </div>
            <div class="control-row">
                <Controls
                    step={view.as_ref().map_or(0, |v| v.step)}
                    ended={view.as_ref().is_some_and(|v| v.ended.is_some())}
                    playing={state.playing}
                    speed_ms={state.speed_ms}
                    enabled={view.is_some()}
                    recorded={state.run().is_some_and(|r| r.playback.borrow().recorded_steps() > 0)}
                    on_action={on_action.clone()}
                />
                <SchedulerPicker
                    scheduler={state.scheduler.clone()}
                    {last_schedule}
                    on_change={on_scheduler}
                />
                <button
                    type="button"
                    class="find-bug"
                    onclick={find_bug}
                    disabled={view.is_none()}
                    aria-label={if exploring { "Stop searching" } else { "Find a bug" }}
                >
                    { if exploring { "Stop searching" } else { "Find a bug" } }
                </button>
                <Share hash={props.hash.clone()} title={title} />
            </div>
            if !matches!(state.exploration, Exploration::Idle) {
                <section class="find-bug-results" aria-labelledby="outcomes-title">
                    <h2 id="outcomes-title" class="panel-title">{ "Outcomes" }</h2>
                    <OutcomesPanel
                        exploration={state.exploration.clone()}
                        on_load={on_action.reform(Action::LoadSchedule)}
                        on_search_further={on_action.reform(|()| Action::SearchFurther)}
                    />
                </section>
            }
            if let Some(notice) = &state.notice {
                <p class="notice" role="alert">{ notice.clone() }</p>
            }

            if matches!(state.scheduler, SchedulerChoice::Manual) && view.as_ref().is_some_and(|v| v.step == 0) {
                <p class="hint">
                    { "You are the scheduler: press a goroutine's button to run its next step, or Step to run the lowest one. Keys (with the widget focused): → step, ← back, Space play/pause, R reset." }
                </p>
            }
        </header>
    }
}
