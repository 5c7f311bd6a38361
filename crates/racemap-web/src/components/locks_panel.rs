//! Locks and other synchronization: each Mutex/RWMutex with its holder, readers, pending writer
//! and waiting queue in order; WaitGroups with counter and waiters; Once, atomics and contexts
//! (in plain words from the view's fields: [`context_sentence`]).

use racemap::playback::view::LockInfo;
use racemap::playback::View;
use yew::prelude::*;

use crate::components::goroutine_badge;
use crate::components::timers_panel::context_sentence;
use crate::state::Shared;

/// Properties of [`LocksPanel`].
#[derive(Properties, PartialEq)]
pub struct LocksPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

fn queue(goroutines: &[u64]) -> Html {
    if goroutines.is_empty() {
        return html! { <span class="none">{ "none" }</span> };
    }
    html! {
        <ol class="queue">
            { for goroutines.iter().map(|g| html! { <li>{ goroutine_badge(*g) }</li> }) }
        </ol>
    }
}

fn lock(l: &LockInfo) -> Html {
    let held = l.holder.is_some() || !l.readers.is_empty();
    html! {
        <section class={classes!("lock", held.then_some("held"))} aria-label={format!("{} {}", l.kind, l.name)}>
            <h3><code>{ l.name.clone() }</code>{ format!(" · sync.{}", l.kind) }</h3>
            <dl class="facts">
                <dt>{ "holder" }</dt>
                <dd>
                    { match l.holder {
                        Some(g) => html! { <>{ goroutine_badge(g) }{ " (writer)" }</> },
                        None if l.readers.is_empty() => html! { <span class="none">{ "free" }</span> },
                        None => html! { <span class="none">{ "no writer" }</span> },
                    } }
                </dd>
                if l.kind == "RWMutex" {
                    <dt>{ "readers" }</dt>
                    <dd>{ format!("{} ", l.readers.len()) }{ queue(&l.readers) }</dd>
                    <dt>{ "writer pending" }</dt>
                    <dd>
                        { match l.pending_writer {
                            Some(g) => html! { <>{ goroutine_badge(g) }{ " waits for the readers to leave; new readers wait too" }</> },
                            None => html! { <span class="none">{ "none" }</span> },
                        } }
                    </dd>
                }
                <dt>{ "waiting (in order)" }</dt>
                <dd>{ queue(&l.waiting) }</dd>
            </dl>
        </section>
    }
}

/// Locks, WaitGroups, Once and atomics.
#[function_component(LocksPanel)]
pub fn locks_panel(props: &LocksPanelProps) -> Html {
    let view = &props.view;
    if view.locks.is_empty()
        && view.wait_groups.is_empty()
        && view.other_sync.is_empty()
        && view.contexts.is_empty()
    {
        return html! { <p class="empty">{ "No locks: nothing in this program waits for a lock." }</p> };
    }
    html! {
        <>
            { for view.locks.iter().map(lock) }
            { for view.wait_groups.iter().map(|wg| html! {
                <section class="waitgroup" aria-label={format!("WaitGroup {}", wg.name)}>
                    <h3><code>{ wg.name.clone() }</code>{ " · sync.WaitGroup" }</h3>
                    <dl class="facts">
                        <dt>{ "counter" }</dt><dd>{ wg.counter }</dd>
                        <dt>{ "in Wait" }</dt><dd>{ queue(&wg.waiting) }</dd>
                    </dl>
                </section>
            }) }
            { for view.other_sync.iter().map(|o| html! {
                <section class="other-sync">
                    <h3><code>{ o.name.clone() }</code>{ format!(" · {}", o.kind) }</h3>
                    <p>{ o.state.clone() }</p>
                </section>
            }) }
            { for view.contexts.iter().map(|c| html! {
                <section class="other-sync context" aria-label={format!("context {}", c.name)}>
                    <h3><code>{ c.name.clone() }</code>{ " · context" }</h3>
                    <p>{ context_sentence(c) }</p>
                </section>
            }) }
        </>
    }
}
