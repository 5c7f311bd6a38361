//! The maps: keys and values, who touches which key (now and next), and Go's writing flag while
//! a write is in flight, with why a write is two steps; for `sync.Map`, the read-only map,
//! `amended`, the dirty map, `misses` and promotions.

use racemap::playback::view::{MapAction, MapInfo, MapTouch, SyncMapEntry, SyncMapInfo};
use racemap::playback::View;
use yew::prelude::*;

use crate::components::{goroutine_badge, who};
use crate::state::Shared;

/// Properties of [`MapPanel`].
#[derive(Properties, PartialEq)]
pub struct MapPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

fn action_words(action: MapAction, done: bool) -> &'static str {
    match (action, done) {
        (MapAction::Read, false) => "will read",
        (MapAction::Read, true) => "read",
        (MapAction::Len, false) => "will take len",
        (MapAction::Len, true) => "took len",
        (MapAction::WriteBegin, false) => "will start writing",
        (MapAction::WriteBegin, true) => "started writing",
        (MapAction::DeleteBegin, false) => "will start deleting",
        (MapAction::DeleteBegin, true) => "started deleting",
        (MapAction::ClearBegin, false) => "will start clearing",
        (MapAction::ClearBegin, true) => "started clearing",
        (MapAction::WriteEnd, false) => "will finish writing",
        (MapAction::WriteEnd, true) => "finished writing",
        (MapAction::Iterate, false) => "will iterate",
        (MapAction::Iterate, true) => "iterated",
    }
}

fn touch(t: &MapTouch, done: bool) -> Html {
    html! {
        <span class={classes!("touch", done.then_some("now"))}>
            { goroutine_badge(t.go_id) }
            { format!(" {}", action_words(t.action, done)) }
        </span>
    }
}

/// Why a map write is two steps, said once under the first map's writing flag: Go's map sets
/// `hashWriting` for the time of a write and its runtime checks it on every access, which is
/// how it detects concurrent use; racemap lets goroutines move between the two steps.
fn why_two_steps() -> Html {
    html! {
        <p class="flag-why">
            { "Each write is two steps, " }<em>{ "starts writing" }</em>
            { " and " }<em>{ "finishes writing" }</em>
            { ", because Go's map sets this flag (" }<code>{ "hashWriting" }</code>
            { ") for the time of a write and Go's own runtime checks it on every read and write " }
            { "of the map: a goroutine that touches the map in between makes Go stop with " }
            <code>{ "fatal error: concurrent map writes" }</code>
            { " (or " }<code>{ "concurrent map read and map write" }</code>{ ")." }
        </p>
    }
}

/// A map's table; `ended`: the program has stopped, so no goroutine will touch it again (its
/// next touches are not shown); `explain`: say under the writing flag why a write is two steps.
fn map_table(map: &MapInfo, ended: bool, explain: bool) -> Html {
    let no_touches: &[MapTouch] = &[];
    let next_touches = if ended { no_touches } else { &map.next_touches };
    let mut keys: Vec<String> = map.entries.iter().map(|e| e.key.clone()).collect();
    // Keys being added appear as rows too, so the touch has somewhere to show.
    for t in next_touches.iter().chain(&map.last_touches) {
        if let Some(k) = &t.key {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let rows = keys.iter().map(|key| {
        let value = map
            .entries
            .iter()
            .find(|e| &e.key == key)
            .map(|e| e.value.clone());
        let now: Vec<&MapTouch> = map
            .last_touches
            .iter()
            .filter(|t| t.key.as_ref() == Some(key))
            .collect();
        let next: Vec<&MapTouch> = next_touches
            .iter()
            .filter(|t| t.key.as_ref() == Some(key))
            .collect();
        let writing = map.writing_key.as_ref() == Some(key);
        let class = classes!(
            "entry",
            (!now.is_empty()).then_some("touched"),
            writing.then_some("writing"),
        );
        html! {
            <tr {class}>
                <th scope="row"><code>{ key.clone() }</code></th>
                <td>
                    <code>{ value.unwrap_or_else(|| "(not yet in the map)".into()) }</code>
                    if writing { <span class="flag">{ " ✎ being written" }</span> }
                </td>
                <td class="touches">
                    { for now.iter().map(|t| touch(t, true)) }
                    { for next.iter().map(|t| touch(t, false)) }
                </td>
            </tr>
        }
    });
    let keyless: Vec<Html> = map
        .last_touches
        .iter()
        .filter(|t| t.key.is_none())
        .map(|t| touch(t, true))
        .chain(
            next_touches
                .iter()
                .filter(|t| t.key.is_none())
                .map(|t| touch(t, false)),
        )
        .collect();
    html! {
        <section class="map" aria-label={format!("map {}", map.name)}>
            <h3><code>{ map.name.clone() }</code>{ format!(" · {} entr{}", map.entries.len(), if map.entries.len() == 1 { "y" } else { "ies" }) }</h3>
            { match (map.writer, &map.writing_key) {
                (Some(g), key) => html! {
                    <p class="writing-flag set" role="note">
                        { "✎ writing flag set: " }{ who(g) }
                        { match key { Some(k) => format!(" is writing key {k} of {}", map.name), None => " is writing".into() } }
                        { " — another access now is a concurrent map access (Go would crash)" }
                    </p>
                },
                (None, _) => html! { <p class="writing-flag clear">{ "writing flag clear" }</p> },
            } }
            if explain { { why_two_steps() } }
            <table>
                <thead><tr><th scope="col">{ "key" }</th><th scope="col">{ "value" }</th><th scope="col">{ "goroutines" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !keyless.is_empty() {
                <p class="touches">{ for keyless }</p>
            }
        </section>
    }
}

fn sync_entries(caption: &str, entries: &[SyncMapEntry]) -> Html {
    html! {
        <table>
            <caption>{ caption.to_string() }</caption>
            <thead><tr><th scope="col">{ "key" }</th><th scope="col">{ "value" }</th></tr></thead>
            <tbody>
                { for entries.iter().map(|e| html! {
                    <tr><th scope="row"><code>{ e.key.clone() }</code></th><td><code>{ e.value.clone() }</code></td></tr>
                }) }
                if entries.is_empty() {
                    <tr><td colspan="2" class="empty">{ "empty" }</td></tr>
                }
            </tbody>
        </table>
    }
}

fn sync_map(m: &SyncMapInfo) -> Html {
    html! {
        <section class="sync-map" aria-label={format!("sync.Map {}", m.name)}>
            <h3><code>{ m.name.clone() }</code>{ " · sync.Map" }</h3>
            <div class="sync-map-parts">
                { sync_entries("read (lock-free)", &m.read) }
                { match &m.dirty {
                    Some(dirty) => sync_entries("dirty (under mu)", dirty),
                    None => html! { <p class="dirty-nil">{ "dirty: nil" }</p> },
                } }
            </div>
            <dl class="facts">
                <dt>{ "amended" }</dt>
                <dd>{ if m.amended { "true — dirty has keys read lacks" } else { "false" } }</dd>
                <dt>{ "misses" }</dt>
                <dd>{ format!("{} (dirty is promoted to read when misses reach len(dirty))", m.misses) }</dd>
                <dt>{ "promotions" }</dt>
                <dd>{ m.promotions }</dd>
                <dt>{ "mu" }</dt>
                <dd>
                    { match m.mu_holder { Some(g) => html! { <>{ "held by " }{ goroutine_badge(g) }</> }, None => html! { "free" } } }
                    if !m.waiting.is_empty() {
                        { " · waiting: " }{ for m.waiting.iter().map(|g| goroutine_badge(*g)) }
                    }
                </dd>
            </dl>
        </section>
    }
}

/// The maps and `sync.Map`s of the program.
#[function_component(MapPanel)]
pub fn map_panel(props: &MapPanelProps) -> Html {
    let view = &props.view;
    if view.maps.is_empty() && view.sync_maps.is_empty() {
        return html! { <p class="empty">{ "No map yet: the program has not made one." }</p> };
    }
    html! {
        <>
            { for view.maps.iter().enumerate().map(|(i, map)| map_table(map, view.ended.is_some(), i == 0)) }
            { for view.sync_maps.iter().map(sync_map) }
        </>
    }
}
