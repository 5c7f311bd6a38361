//! The Go source with one coloured cursor per goroutine on the line it executes next, racing
//! lines and the line where the program crashed marked (in a column of their own, so a long
//! line never pushes a mark out of sight), compile errors under their line; "Edit" turns it into
//! an editor.
//!
//! The code scrolls to keep the crash line, else the line of the goroutine that made the last
//! step, in sight. Cursors of other goroutines may lie above or below the visible lines: each
//! gets a button above the code ("↑ g8 line 64") that scrolls to it.

use racemap::playback::View;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{goroutine_class, who};
use crate::state::{CompileError, Shared};

/// A goroutine cursor outside the code's visible lines.
#[derive(Clone, Debug, PartialEq)]
struct Offscreen {
    /// Go's goroutine number.
    go_id: u64,
    /// The cursor's 1-based line.
    line: u32,
    /// Above the visible lines (else below).
    above: bool,
}

/// The `cursors` (goroutine, line) of `list` (the code's `<ol>`) outside its visible lines.
fn offscreen_cursors(list: &web_sys::HtmlElement, cursors: &[(u64, u32)]) -> Vec<Offscreen> {
    let top = list.scroll_top();
    let bottom = top + list.client_height();
    cursors
        .iter()
        .filter_map(|&(go_id, line)| {
            let element = line_element(list, line)?;
            let (y, height) = (element.offset_top(), element.offset_height());
            let above = y + height <= top;
            (above || y >= bottom).then_some(Offscreen { go_id, line, above })
        })
        .collect()
}

/// The `<li>` of line `number`.
fn line_element(list: &web_sys::HtmlElement, number: u32) -> Option<web_sys::HtmlElement> {
    list.query_selector(&format!("li[data-line=\"{number}\"]"))
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
}

/// Scroll `list` so that line `number` shows a third of the way down.
fn scroll_to_line(list: &web_sys::HtmlElement, number: u32) {
    if let Some(line) = line_element(list, number) {
        list.set_scroll_top((line.offset_top() - list.client_height() / 3).max(0));
    }
}

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
    let offscreen = use_state_eq(Vec::<Offscreen>::new);
    // Every goroutine cursor: (goroutine, line).
    let cursor_lines: Vec<(u64, u32)> = props
        .view
        .as_ref()
        .map(|v| {
            v.goroutines
                .iter()
                .filter_map(|g| Some((g.go_id, g.next.as_ref()?.line)))
                .collect()
        })
        .unwrap_or_default();

    // Keep the goroutines' cursors in sight (or, once the program crashed, the crash line):
    // scroll the code (never the page, which may be a docs page hosting this widget) so that
    // line is visible.
    {
        let code = code.clone();
        let offscreen = offscreen.clone();
        let cursor_lines = cursor_lines.clone();
        let step = props.view.as_ref().map(|v| v.step);
        // The next line of the goroutine that made the last step: the cursor to follow.
        let mover_line = props.view.as_ref().and_then(|v| {
            let mover = v.timeline.last()?.go_id;
            let line = cursor_lines.iter().find(|(g, _)| *g == mover)?.1;
            Some(line)
        });
        use_effect_with((step, mover_line), move |_| {
            // Measured after the browser has laid the step out (a zero-delay timeout), so the
            // click's own frame never waits for an extra forced layout.
            let measure = gloo::timers::callback::Timeout::new(0, move || {
                let list = code.cast::<web_sys::HtmlElement>();
                let line = list
                    .as_ref()
                    .and_then(|l| {
                        let find = |selector: &str| l.query_selector(selector).ok().flatten();
                        find(".line.crashed")
                            .or_else(|| find(&format!("li[data-line=\"{}\"]", mover_line?)))
                            .or_else(|| find(".line.current"))
                    })
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let (Some(list), Some(line)) = (&list, line) {
                    let top = line.offset_top();
                    let visible = list.scroll_top()..list.scroll_top() + list.client_height() - 20;
                    if !visible.contains(&top) {
                        list.set_scroll_top((top - list.client_height() / 3).max(0));
                    }
                }
                if let Some(list) = &list {
                    offscreen.set(offscreen_cursors(list, &cursor_lines));
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
                                data-go-id={g.go_id.to_string()}
                                data-line={number.to_string()}
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
    let onscroll = {
        let offscreen = offscreen.clone();
        let cursor_lines = cursor_lines.clone();
        Callback::from(move |event: Event| {
            let list: web_sys::HtmlElement = event.target_unchecked_into();
            offscreen.set(offscreen_cursors(&list, &cursor_lines));
        })
    };
    // Only cursors still drawn (a view change re-measures after layout).
    let offscreen_buttons = offscreen
        .iter()
        .filter(|o| cursor_lines.contains(&(o.go_id, o.line)))
        .map(|o| {
            let code = code.clone();
            let line = o.line;
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(list) = code.cast::<web_sys::HtmlElement>() {
                    scroll_to_line(&list, line);
                }
            });
            let arrow = if o.above { "↑" } else { "↓" };
            let hint = format!(
                "Show {}: its next line is {} the visible code",
                who(o.go_id),
                if o.above { "above" } else { "below" }
            );
            // The accessible name starts with the visible text (axe: label-content-name-mismatch).
            html! {
                <button
                    type="button"
                    class={classes!("offscreen-cursor", goroutine_class(o.go_id))}
                    data-go-id={o.go_id.to_string()}
                    title={hint.clone()}
                    {onclick}
                >
                    { format!("{arrow} g{} line {}", o.go_id, o.line) }
                    <span class="visually-hidden">{ format!(" ({hint})") }</span>
                </button>
            }
        })
        .collect::<Vec<Html>>();
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
            if !offscreen_buttons.is_empty() {
                <div class="offscreen-cursors" role="group" aria-label="Goroutine cursors out of sight">
                    <span class="field-label">{ "Out of sight:" }</span>
                    { for offscreen_buttons }
                </div>
            }
            // Focusable: keyboard users scroll it too.
            <ol class="code" ref={code} tabindex="0" aria-label="Go source with goroutine cursors" {onscroll}>{ for lines }</ol>
            { for unplaced.iter().map(|e| html! { <div class="diag" role="note">{ e.text.clone() }</div> }) }
        </div>
    }
}
