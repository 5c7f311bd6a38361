//! The Go source with one coloured cursor per goroutine on the line it executes next, racing
//! lines and the line where the program crashed marked (in a column of their own, so a long
//! line never pushes a mark out of sight), compile errors under their line; "Edit" turns it into
//! an editor.

use racemap::playback::View;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{goroutine_class, who};
use crate::state::{CompileError, Shared};

/// Properties of [`CodePanel`].
#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    /// The source.
    pub source: Shared<str>,
    /// Compile errors, when it does not compile.
    pub errors: Option<Shared<Vec<CompileError>>>,
    /// The view at the cursor, when it runs.
    pub view: Option<Shared<View>>,
    /// Called with edited source to run it.
    pub on_run: Callback<String>,
}

/// The code, read-only with cursors, or an editor.
#[function_component(CodePanel)]
pub fn code_panel(props: &CodePanelProps) -> Html {
    let editing = use_state(|| false);
    let draft = use_state(String::new);
    let editor = use_node_ref();
    let code = use_node_ref();

    // Keep the goroutines' cursors in sight (or, once the program crashed, the crash line):
    // scroll the code (never the page, which may be a docs page hosting this widget) so that
    // line is visible.
    {
        let code = code.clone();
        let step = props.view.as_ref().map(|v| v.step);
        use_effect_with(step, move |_| {
            // Measured after the browser has laid the step out (a zero-delay timeout), so the
            // click's own frame never waits for an extra forced layout.
            let measure = gloo::timers::callback::Timeout::new(0, move || {
                let list = code.cast::<web_sys::HtmlElement>();
                let line = list
                    .as_ref()
                    .and_then(|l| {
                        l.query_selector(".line.crashed")
                            .ok()
                            .flatten()
                            .or_else(|| l.query_selector(".line.current").ok().flatten())
                    })
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let (Some(list), Some(line)) = (list, line) {
                    let top = line.offset_top();
                    let visible = list.scroll_top()..list.scroll_top() + list.client_height() - 20;
                    if !visible.contains(&top) {
                        list.set_scroll_top((top - list.client_height() / 3).max(0));
                    }
                }
            });
            move || drop(measure)
        });
    }

    if *editing {
        let oninput = {
            let draft = draft.clone();
            Callback::from(move |event: InputEvent| {
                let area: HtmlTextAreaElement = event.target_unchecked_into();
                draft.set(area.value());
            })
        };
        let run = {
            let editing = editing.clone();
            let draft = draft.clone();
            let editor = editor.clone();
            let on_run = props.on_run.clone();
            Callback::from(move |_: MouseEvent| {
                // The text as it is in the editor now: the draft state may not have caught up
                // with the last keystrokes yet when a click follows them closely.
                let text = editor
                    .cast::<HtmlTextAreaElement>()
                    .map_or_else(|| (*draft).clone(), |area| area.value());
                editing.set(false);
                on_run.emit(text);
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(false))
        };
        return html! {
            <div class="editor">
                <textarea
                    ref={editor}
                    aria-label="Go source"
                    spellcheck="false"
                    autocomplete="off"
                    rows="24"
                    value={(*draft).clone()}
                    {oninput}
                />
                <div class="editor-actions">
                    <button type="button" onclick={run}>{ "Run program" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </div>
        };
    }

    let edit = {
        let editing = editing.clone();
        let draft = draft.clone();
        let source = props.source.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(source.to_string());
            editing.set(true);
        })
    };
    let view = props.view.as_deref();
    let racing_lines: Vec<u32> = view
        .map(|v| {
            v.races
                .iter()
                .flat_map(|r| [r.current.line, r.previous.line])
                .collect()
        })
        .unwrap_or_default();
    // The line of the step that crashed the program (its last step), with the error.
    let crash: Option<(u32, String)> = view.and_then(|v| {
        let end = v.ended.as_ref()?;
        let error = end.first_error_line.clone()?;
        let last = v.timeline.last()?;
        (end.exit_code != 0 && !end.deadlock && last.step == v.step).then_some((last.line, error))
    });
    let errors: &[CompileError] = props.errors.as_deref().map_or(&[], |e| e.as_slice());
    let lines = props.source.lines().enumerate().map(|(i, text)| {
        let number = i as u32 + 1;
        let cursors: Vec<Html> = view
            .map(|v| {
                v.goroutines
                    .iter()
                    .filter(|g| g.next.as_ref().is_some_and(|n| n.line == number))
                    .map(|g| {
                        let phrase = g.next.as_ref().map(|n| n.phrase.clone()).unwrap_or_default();
                        html! {
                            <span
                                class={classes!("cursor", goroutine_class(g.go_id))}
                                title={format!("{}: next, {}", who(g.go_id), phrase)}
                            >
                                { format!("g{}", g.go_id) }
                            </span>
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let line_errors: Vec<&CompileError> = errors.iter().filter(|e| e.line == number).collect();
        let racing = racing_lines.contains(&number);
        let crashed = crash.as_ref().filter(|(line, _)| *line == number);
        let class = classes!(
            "line",
            (!cursors.is_empty()).then_some("current"),
            racing.then_some("racing"),
            crashed.is_some().then_some("crashed"),
            (!line_errors.is_empty()).then_some("has-error"),
        );
        html! {
            <li {class} data-line={number.to_string()}>
                <span class="gutter">{ for cursors }</span>
                <span class="marks">
                    // One mark per line: the crash line is usually a racing line too.
                    if let Some((_, error)) = crashed {
                        <span class="crash-mark" title={format!("the program stopped here: {error}{}", if racing { " (a data race involves this line too)" } else { "" })}>
                            { "✖" }<span class="visually-hidden">{ " crash" }</span>
                        </span>
                    } else if racing {
                        <span class="race-mark" title="a data race involves this line">
                            { "⚠" }<span class="visually-hidden">{ " race" }</span>
                        </span>
                    }
                </span>
                <span class="lineno" aria-hidden="true">{ number }</span>
                <code class="text">{ text }</code>
                { for line_errors.iter().map(|e| html! {
                    <div class="diag" role="note">{ e.text.clone() }</div>
                }) }
            </li>
        }
    });
    // Errors with no line of their own (`too many errors`, an end-of-file error after the
    // last newline) are listed under the code.
    let line_count = props.source.lines().count() as u32;
    let unplaced: Vec<&CompileError> = errors
        .iter()
        .filter(|e| e.line == 0 || e.line > line_count)
        .collect();
    html! {
        <div class="code-view">
            <div class="code-actions">
                <button type="button" onclick={edit}>{ "Edit" }</button>
                if !errors.is_empty() {
                    <span class="error-count" role="alert">
                        { format!("The program does not compile ({} error{}).",
                            errors.len(), if errors.len() == 1 { "" } else { "s" }) }
                    </span>
                }
            </div>
            // Focusable: keyboard users scroll it too.
            <ol class="code" ref={code} tabindex="0" aria-label="Go source with goroutine cursors">{ for lines }</ol>
            { for unplaced.iter().map(|e| html! { <div class="diag" role="note">{ e.text.clone() }</div> }) }
        </div>
    }
}
