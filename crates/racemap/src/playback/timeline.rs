//! The timeline: one entry per step, and the happens-before arrows between steps.
//!
//! Arrows are derived from the events' memory-model effects, the same ones the race detector
//! reads: an `Acquire(v)` links back to the step that last did `Release(v)` (unlock → lock,
//! send → receive, close → receive, `Done` → `Wait`, `once` f → `Do`, atomic/sync.Map store →
//! load), and a `Spawn(child)` links the `go` statement to the child's first step. Links within
//! one goroutine are left out (program order already orders them). A data race marks the two
//! steps whose accesses conflict.
//!
//! Both are made one step at a time: a playback folds each step's arrows (`Links`) when it
//! makes the step and renders an entry (`entry`) once, again only when the names change.

use super::names::Names;
use super::words::event_phrase;
use super::Record;
use crate::dense::IdMap;
use crate::diag::SourceMap;
use crate::race::RaceReport;
use crate::rt::event::{Effect, Event, Gid, Loc, Op, SyncVar};
use litemap::LiteMap;
use serde::{Deserialize, Serialize};

/// What one goroutine did in a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Go's goroutine number.
    pub go_id: u64,
    /// The operation in words: `writes m["k1"] (writing flag set)`.
    pub phrase: String,
    /// The 1-based source line.
    pub line: u32,
}

/// One step of the run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The step number, from 1.
    pub step: u64,
    /// Go's number of the goroutine that moved.
    pub go_id: u64,
    /// What it did (the first action's phrase, a select's with what its case did: `selects
    /// case 1: sends 1 on jobs`; `moves` when the step had no event).
    pub phrase: String,
    /// Its source line.
    pub line: u32,
    /// Every action of the step: the mover's first, then a rendezvous partner's.
    pub actions: Vec<Action>,
    /// The step is one of the two accesses of a reported data race.
    pub racing: bool,
}

/// The kind of a happens-before edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArrowKind {
    /// `Unlock` → `Lock`/`RLock`, `RUnlock` → `Lock`.
    UnlockLock,
    /// A send → the receive that takes it (or a receive → the send that reuses its slot).
    SendReceive,
    /// `close` → a receive that sees it.
    CloseReceive,
    /// `go` → the child's first step.
    GoStart,
    /// `Done`/`Add` → the `Wait` it releases.
    DoneWait,
    /// The end of `once.Do`'s f → a `Do` that returns.
    OnceDo,
    /// An atomic or `sync.Map` store → the load that observes it.
    StoreLoad,
}

/// One happens-before edge between two steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrow {
    /// Step (from 1) of the releasing side.
    pub from_step: u64,
    /// Its goroutine.
    pub from_go_id: u64,
    /// Step (from 1) of the acquiring side.
    pub to_step: u64,
    /// Its goroutine.
    pub to_go_id: u64,
    /// What kind of edge.
    pub kind: ArrowKind,
}

/// What the arrows of later steps need from the steps so far: the last release of each sync
/// variable and the `go` statements whose child has not moved yet.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    /// The step (from 1) and goroutine of the last `Release` of each variable.
    last_release: LiteMap<SyncVar, (u64, Gid)>,
    /// The step and parent of each spawned goroutine that has not moved yet.
    spawned: IdMap<Gid, (u64, Gid)>,
}

impl Links {
    /// The arrows into step `step` (from 1) made of `events`, and the fold of that step.
    pub(crate) fn step(
        &mut self,
        step: u64,
        events: &[Event],
        go_id: &dyn Fn(Gid) -> u64,
    ) -> Vec<Arrow> {
        let mut arrows = Vec::new();
        // Releases of this step by each goroutine: a rendezvous releases and acquires in one
        // step, and its arrow goes from the sender to the receiver.
        let mut sent_here: Vec<(&SyncVar, Gid)> = Vec::new();
        for e in events {
            if matches!(e.op, Op::Send { .. }) {
                for fx in &e.effects {
                    if let Effect::Release(v) = fx {
                        sent_here.push((v, e.gid));
                    }
                }
            }
        }
        for e in events {
            if let Some((from, parent)) = self.spawned.remove(&e.gid) {
                arrows.push(Arrow {
                    from_step: from,
                    from_go_id: go_id(parent),
                    to_step: step,
                    to_go_id: go_id(e.gid),
                    kind: ArrowKind::GoStart,
                });
            }
            for fx in &e.effects {
                if let Effect::Acquire(v) = fx {
                    if let Some((_, g)) = sent_here.iter().find(|(s, g)| *s == v && *g != e.gid) {
                        arrows.push(Arrow {
                            from_step: step,
                            from_go_id: go_id(*g),
                            to_step: step,
                            to_go_id: go_id(e.gid),
                            kind: kind_of(v),
                        });
                    } else if let Some((from, g)) = self.last_release.get(v) {
                        if *g != e.gid && *from != step {
                            arrows.push(Arrow {
                                from_step: *from,
                                from_go_id: go_id(*g),
                                to_step: step,
                                to_go_id: go_id(e.gid),
                                kind: kind_of(v),
                            });
                        }
                    }
                }
            }
        }
        for e in events {
            for fx in &e.effects {
                match fx {
                    Effect::Release(v) => {
                        self.last_release.insert(v.clone(), (step, e.gid));
                    }
                    Effect::Spawn(child) => {
                        self.spawned.insert(*child, (step, e.gid));
                    }
                    _ => {}
                }
            }
        }
        // A rendezvous releases and acquires within one step: keep one arrow per pair.
        arrows.dedup();
        arrows
    }
}

/// The timeline entry of `record`, step `step` (from 1), with `racing` false.
pub(crate) fn entry(
    step: u64,
    record: &Record,
    names: &Names,
    go_id: &dyn Fn(Gid) -> u64,
    source_map: &SourceMap,
) -> TimelineEntry {
    let actions: Vec<Action> = record
        .events
        .iter()
        .zip(&record.messages)
        .enumerate()
        .map(|(i, (e, message))| Action {
            go_id: go_id(e.gid),
            phrase: event_phrase(
                &record.events,
                i,
                names,
                go_id,
                message.as_deref(),
                source_map,
            ),
            line: source_map.line(e.span.lo),
        })
        .collect();
    let (mut phrase, line) = actions
        .first()
        .map(|a| (a.phrase.clone(), a.line))
        .unwrap_or_else(|| ("moves".to_string(), 0));
    // A select's case says what the case did, so the row shows the message it sent or received:
    // `selects case 1: sends {id:0} on jobs`.
    if let [first, second, ..] = record.events.as_slice() {
        if matches!(first.op, Op::Select { case: Some(_) }) && second.gid == first.gid {
            phrase = format!("{phrase}: {}", actions[1].phrase);
        }
    }
    TimelineEntry {
        step,
        go_id: go_id(record.choice.gid),
        phrase,
        line,
        actions,
        racing: false,
    }
}

/// Timeline entries rendered so far, and the names they show (entries name objects as the view
/// at the cursor does, so they are rendered again when the names change).
#[derive(Clone, Debug, Default)]
pub(crate) struct Rendered {
    /// The names the entries were rendered with.
    pub names: Names,
    /// Entries of the first recorded steps, `racing` false.
    pub entries: Vec<TimelineEntry>,
}

fn kind_of(v: &SyncVar) -> ArrowKind {
    match v {
        SyncVar::Lock(_) | SyncVar::ReadLock(_) | SyncVar::TestContext | SyncVar::File(_) => {
            ArrowKind::UnlockLock
        }
        SyncVar::ChanSlot(..) => ArrowKind::SendReceive,
        SyncVar::ChanClose(_) => ArrowKind::CloseReceive,
        SyncVar::WaitGroup(_) => ArrowKind::DoneWait,
        SyncVar::Once(_) => ArrowKind::OnceDo,
        SyncVar::SyncMapKey(..) | SyncVar::Atomic(_) | SyncVar::Pool(_) => ArrowKind::StoreLoad,
    }
}

/// The step (from 1) of the previous access of a race found by the step after `records`: the
/// latest step where the previous goroutine accessed the same location.
pub(crate) fn previous_access(records: &[Record], race: &RaceReport) -> Option<u64> {
    records.iter().enumerate().rev().find_map(|(j, p)| {
        p.events
            .iter()
            .any(|e| e.gid == race.previous.gid && touches(e, &race.loc))
            .then_some(j as u64 + 1)
    })
}

fn touches(e: &Event, loc: &Loc) -> bool {
    e.effects.iter().any(|fx| match fx {
        Effect::Read(l)
        | Effect::Write(l)
        | Effect::FinalRead(l)
        | Effect::Atomic { loc: l, .. } => l == loc,
        _ => false,
    })
}
