//! Channels: buffer slots, goroutines waiting to send (with their message in flight) or to
//! receive, `closed`, and the message the last step moved, drawn travelling from sender to
//! receiver.

use racemap::playback::view::{ChanInfo, Transfer, TransferKind};
use racemap::playback::View;
use yew::prelude::*;

use crate::components::goroutine_badge;
use crate::state::Shared;

/// Most buffer slots drawn per channel.
const MAX_SLOTS_DRAWN: usize = 16;

/// Properties of [`ChannelsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChannelsPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

fn end(go_id: Option<u64>, place: &str) -> Html {
    match go_id {
        Some(g) => goroutine_badge(g),
        None => html! { <span class="buffer-end">{ place.to_string() }</span> },
    }
}

fn transfer(t: &Transfer, step: u64) -> Html {
    let words = match t.kind {
        TransferKind::Handoff => "handed over directly (unbuffered rendezvous)",
        TransferKind::Buffered => "put into the buffer",
        TransferKind::Received => "taken from the buffer",
        TransferKind::ClosedReceive => "receive on a closed, empty channel: zero value",
    };
    html! {
        <div class="transfer" role="note" key={step.to_string()}>
            { end(t.message.from, "buffer") }
            <span class="track"><span class="message">{ t.message.value.clone() }</span></span>
            { end(t.message.to, "buffer") }
            <span class="transfer-words">{ format!(" {words}") }</span>
        </div>
    }
}

fn chan(c: &ChanInfo, step: u64) -> Html {
    // A huge buffer is drawn up to its first slots (a program may make(chan T, 1<<30)).
    let drawn = (c.cap as usize).min(MAX_SLOTS_DRAWN);
    let slots = (0..drawn).map(|i| match c.buffer.get(i) {
        Some(v) => html! { <li class="slot full"><code>{ v.clone() }</code></li> },
        None => html! { <li class="slot free" aria-label="empty slot">{ "·" }</li> },
    });
    html! {
        <section class={classes!("chan", c.closed.then_some("closed"))} aria-label={format!("channel {}", c.name)}>
            <h3>
                <code>{ c.name.clone() }</code>
                { if c.cap == 0 { " · unbuffered".to_string() } else { format!(" · buffer {}/{}", c.buffer.len(), c.cap) } }
                if c.closed { <span class="closed-flag">{ " · closed" }</span> }
            </h3>
            if c.cap > 0 {
                <ol class="slots" aria-label="buffer">
                    { for slots }
                    if c.cap as usize > drawn {
                        <li class="slot more">{ format!("… {} more", c.cap as usize - drawn) }</li>
                    }
                </ol>
            }
            { for c.last_transfer.iter().map(|t| transfer(t, step)) }
            <dl class="facts">
                <dt>{ "senders waiting" }</dt>
                <dd>
                    if c.in_flight.is_empty() { <span class="none">{ "none" }</span> }
                    { for c.in_flight.iter().zip(&c.senders).map(|(m, s)| html! {
                        <span class={classes!("in-flight", s.blocked.then_some("blocked"))}>
                            { end(m.from, "") }{ " → " }<code>{ m.value.clone() }</code>
                            { if s.blocked { " (blocked)" } else { " (can send)" } }
                        </span>
                    }) }
                </dd>
                <dt>{ "receivers waiting" }</dt>
                <dd>
                    if c.receivers.is_empty() { <span class="none">{ "none" }</span> }
                    { for c.receivers.iter().map(|r| html! {
                        <span class={classes!("receiver", r.blocked.then_some("blocked"))}>
                            { goroutine_badge(r.go_id) }{ if r.blocked { " (blocked)" } else { " (can receive)" } }
                        </span>
                    }) }
                </dd>
            </dl>
        </section>
    }
}

/// The channels of the program.
#[function_component(ChannelsPanel)]
pub fn channels_panel(props: &ChannelsPanelProps) -> Html {
    let view = &props.view;
    if view.chans.is_empty() {
        return html! { <p class="empty">{ "No channels: this program shares memory instead of communicating." }</p> };
    }
    html! { <>{ for view.chans.iter().map(|c| chan(c, view.step)) }</> }
}
