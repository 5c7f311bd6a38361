//! The app's state and its reducer.
//!
//! [`State`] is the single source of truth for the page; it changes only through
//! [`Action`]s applied by [`Reducible::reduce`], so every change is a plain value that can be
//! logged, replayed and tested. The URL hash is a serialization of the parts of the state that
//! a shared link must reproduce (see [`State::to_hash`] / [`State::from_hash`]).

use std::rc::Rc;

use yew::Reducible;

use crate::services::hash::HashParams;

/// A built-in example program the picker offers, one per synchronization strategy.
///
/// The programs themselves come from the core crate's presets (Go source); the web crate only
/// names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// Goroutines write one map with no synchronization.
    Unsynchronized,
    /// A `sync.Mutex` guards the map.
    Mutex,
    /// A `sync.RWMutex` guards the map.
    RwMutex,
    /// A `sync.Map` replaces the map.
    SyncMap,
    /// One goroutine owns the map; others talk to it over channels.
    ChannelOwner,
    /// The map is split into shards, each with its own mutex.
    Sharded,
}

impl Example {
    /// Every example, in picker order.
    pub const ALL: [Example; 6] = [
        Example::Unsynchronized,
        Example::Mutex,
        Example::RwMutex,
        Example::SyncMap,
        Example::ChannelOwner,
        Example::Sharded,
    ];

    /// The id used in the URL hash (`#example=ID`).
    pub fn id(self) -> &'static str {
        match self {
            Example::Unsynchronized => "unsynchronized",
            Example::Mutex => "mutex",
            Example::RwMutex => "rwmutex",
            Example::SyncMap => "sync-map",
            Example::ChannelOwner => "channel-owner",
            Example::Sharded => "sharded",
        }
    }

    /// The human label shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Example::Unsynchronized => "Unsynchronized map",
            Example::Mutex => "sync.Mutex",
            Example::RwMutex => "sync.RWMutex",
            Example::SyncMap => "sync.Map",
            Example::ChannelOwner => "Channel owner",
            Example::Sharded => "Sharded map",
        }
    }

    /// The example with this hash id, if any.
    pub fn from_id(id: &str) -> Option<Example> {
        Example::ALL.into_iter().find(|example| example.id() == id)
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The example selected in the picker.
    pub example: Example,
    /// Compact layout for an iframe in a docs page (`#…&embed`).
    pub embed: bool,
}

impl State {
    /// The state a URL hash describes; unknown or missing values fall back to defaults.
    pub fn from_hash(params: &HashParams) -> State {
        State {
            example: params
                .get("example")
                .and_then(Example::from_id)
                .unwrap_or(Example::Unsynchronized),
            embed: params.has("embed"),
        }
    }

    /// The URL hash (without `#`) that reproduces this state.
    pub fn to_hash(&self) -> String {
        let mut params = HashParams::default();
        params.set("example", self.example.id());
        if self.embed {
            params.set_flag("embed");
        }
        params.to_string()
    }
}

/// A change to the [`State`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The user picked an example.
    SelectExample(Example),
    /// The URL hash changed (link pasted, back button).
    LoadHash(HashParams),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SelectExample(example) => State {
                example,
                ..(*self).clone()
            },
            Action::LoadHash(params) => State::from_hash(&params),
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
