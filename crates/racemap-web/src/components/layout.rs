//! The panels: Code, Goroutines, Map, Locks, Channels, Timeline, Console, and for the presets
//! Compare strategies (the explorer's
//! Outcomes sit in the toolbar, under "Find a bug"); the live region that announces each step;
//! the footer (with what Go racemap understands). A program that does not compile shows its
//! errors in the code and, beside them, what Go racemap understands.
//!
//! After "Step through" the note saying where the run landed heads the panels, and the page
//! scrolls it to the top of the window (never in an embed: that would scroll the host page), so
//! the crash line, the race report and the fatal error are in sight at once.
//!
//! While the core (the Go runtime's wasm) loads, the code is on screen with "Loading the Go
//! runtime…" beside it; the panels come when the program runs.
//!
//! The embedded layout (`embed=1`) keeps code, goroutine lanes and the map, plus locks,
//! channels and the console when the program has any, so an iframe in a docs page stays small.

use yew::prelude::*;

use crate::components::channels_panel::ChannelsPanel;
use crate::components::code_panel::CodePanel;
use crate::components::compare_panel::ComparePanel;
use crate::components::console_panel::ConsolePanel;
use crate::components::goroutines_panel::GoroutinesPanel;
use crate::components::locks_panel::LocksPanel;
use crate::components::map_panel::MapPanel;
use crate::components::panel::Panel;
use crate::components::supported_go::SupportedGo;
use crate::components::timeline_panel::TimelinePanel;
use crate::components::timers_panel::TimersPanel;
use crate::services::core_info;
use crate::state::{Action, Example, Program, State};

/// Properties of [`Layout`].
#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The app state.
    pub state: State,
    /// The reducer's dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// All panels, the live region and the footer.
#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let state = &props.state;
    let dispatch = props.dispatch.clone();
    let on_action = Callback::from(move |action: Action| dispatch.dispatch(action));
    let embed = state.embed;
    let (view, choices, errors) = match &state.program {
        Program::Running(run) => (Some(run.view.clone()), Some(run.choices.clone()), None),
        Program::Failed(errors) => (None, None, Some(errors.clone())),
        Program::Loading(_) => (None, None, None),
    };
    let code = html! {
        <Panel id="code" title="Code">
            <CodePanel
                source={state.source.clone()}
                errors={errors.clone()}
                view={view.clone()}
                on_run={on_action.reform(Action::SetSource)}
            />
        </Panel>
    };
    let note_ref = use_node_ref();
    {
        let note_ref = note_ref.clone();
        let note = state.note.clone();
        use_effect_with(note, move |note| {
            if note.is_some() && !embed {
                if let Some(element) = note_ref.cast::<web_sys::Element>() {
                    element.scroll_into_view_with_bool(true);
                }
            }
        });
    }
    let note = state.note.as_ref().map(|note| {
        html! { <p class="landing-note" role="status" ref={note_ref}>{ note.clone() }</p> }
    });
    let footer = (!embed).then(|| {
        html! {
            <footer class="footer">
                <p>{ core_info::core_summary() }</p>
                if view.is_some() {
                    <SupportedGo />
                }
            </footer>
        }
    });
    if state.loading() {
        // The same structure as below, so the code panel stays the same component when the
        // core is ready.
        return html! {
            <>
                <main class="stage">
                    <div class="panels">
                        { code }
                        <Panel id="goroutines" title="Goroutines">
                            <p class="core-loading" data-testid="core-loading">
                                { "Loading the Go runtime…" }
                            </p>
                        </Panel>
                    </div>
                    <p class="status" role="status" aria-live="polite">
                        { "Loading the Go runtime: the steps start when it is ready." }
                    </p>
                </main>
                { for footer }
            </>
        };
    }
    let Some((view, choices)) = view.zip(choices) else {
        // The same structure as below, so the code panel (and an open editor) stays the same
        // component when the program starts or stops compiling.
        return html! {
            <>
                <main class="stage">
                    { for note }
                    <div class="panels">
                        { code }
                        <Panel id="compile-help" title="It does not compile">
                            <p class="compile-help">
                                { "Each error is under its line in the code, as go build prints it. Edit the program and run it again." }
                            </p>
                            <SupportedGo open=true />
                        </Panel>
                    </div>
                    <p class="status" role="status" aria-live="polite">
                        { "The program does not compile: see the errors in the code." }
                    </p>
                </main>
                { for footer }
            </>
        };
    };
    let has_locks = !view.locks.is_empty()
        || !view.wait_groups.is_empty()
        || !view.other_sync.is_empty()
        || !view.contexts.is_empty();
    let has_console = !view.console.stdout.is_empty() || !view.console.stderr.is_empty();
    html! {
        <>
            <main class="stage">
                { for note }
                <div class="panels">
                { code }
                <Panel id="goroutines" title="Goroutines">
                    <GoroutinesPanel
                        view={view.clone()}
                        choices={choices}
                        on_step={on_action.reform(Action::StepChoice)}
                    />
                </Panel>
                <Panel id="map" title="Map">
                    <MapPanel view={view.clone()} />
                </Panel>
                if !embed || has_locks {
                    <Panel id="locks" title="Locks" focusable_body=true>
                        <LocksPanel view={view.clone()} />
                    </Panel>
                }
                if !embed || !view.chans.is_empty() || !view.timers.is_empty() {
                    <Panel id="channels" title="Channels" focusable_body=true>
                        <ChannelsPanel view={view.clone()} />
                        <TimersPanel view={view.clone()} />
                    </Panel>
                }
                if !embed {
                    <Panel id="timeline" title="Timeline">
                        <TimelinePanel view={view.clone()} on_goto={on_action.reform(Action::Goto)} />
                    </Panel>
                }
                if !embed || has_console {
                    <Panel id="console" title="Console">
                        <ConsolePanel view={view.clone()} />
                    </Panel>
                }
                if !embed && matches!(state.example, Example::Preset(_)) {
                    <Panel id="compare" title="Compare strategies">
                        <ComparePanel state={state.clone()} on_action={on_action.clone()} />
                    </Panel>
                }
                </div>
                // Inside the landmark, under the panels. While playing, steps come too fast to
                // read aloud: the region speaks again on pause.
                <p class="status" role="status" aria-live={if state.playing { "off" } else { "polite" }} data-testid="announcement">
                    { view.announcement.clone() }
                </p>
            </main>
            { for footer }
        </>
    }
}
