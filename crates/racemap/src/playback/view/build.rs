//! Building the [`View`](super::View) at the cursor from the machine's snapshots, the session's
//! output and race reports, and the steps up to the cursor.

use super::super::names::Names;
use super::super::words;
use super::super::Playback;
use super::*;
use crate::dense::IdMap;
use crate::race::report::found_line;
use crate::race::RaceReport;
use crate::rt::event::{Gid, Loc, Op};
use crate::rt::goroutine::{GoStatus, Visible};
use crate::rt::machine::Machine;
use crate::rt::sync_map::{EntryP, SyncMapState};
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, MapId, Pointer};
use crate::run::EXIT_RACE;
use crate::target::Ending;
use litemap::LiteMap;

/// Build the view of `p` at its cursor.
pub fn build(p: &Playback) -> View {
    let m = p.machine();
    let names = p.names();
    let go_id = |g: Gid| m.go_id(g);
    let records = p.records();
    let source_map = &p.program().source_map;
    let line = |lo: u32| source_map.line(lo);
    let session = p.session();
    let reports = session.races();

    // Arrival order: the step after which each goroutine parked at its current operation.
    let arrival = &p.fold().arrival;
    let views = m.goroutines();
    let mut blocked_on: Vec<(u64, Gid, Option<Pointer>, Option<ChanId>)> = Vec::new();
    let last_mover = records.last().map(|r| r.choice.gid);
    let ending = p.ending();
    let mut goroutines = Vec::with_capacity(views.len());
    for g in &views {
        let st = m.goroutine_state(g.gid);
        let sleeping = st.and_then(|s| match s.status {
            GoStatus::Sleeping(t) => Some(t),
            _ => None,
        });
        let state = match (&g.pending, sleeping) {
            _ if g.state == "done" => GoroutineState::Done,
            (_, Some(t)) => GoroutineState::Sleeping { until_ns: t },
            (Some(pend), None) if !pend.enabled => {
                let on = pend
                    .touches
                    .sync
                    .first()
                    .map(|ptr| names.pointer(ptr))
                    .or_else(|| pend.touches.chans.first().map(|c| names.chan(*c)));
                blocked_on.push((
                    arrival.get(&g.gid).copied().unwrap_or(0),
                    g.gid,
                    pend.touches.sync.first().cloned(),
                    pend.touches.chans.first().copied(),
                ));
                GoroutineState::Blocked {
                    reason: g.state.clone(),
                    on,
                }
            }
            _ if Some(g.gid) == last_mover && ending.is_none() => GoroutineState::Running,
            _ => GoroutineState::Runnable,
        };
        let state_text = match &state {
            GoroutineState::Running => "running".to_string(),
            _ => g.state.clone(),
        };
        let next = g.pending.as_ref().map(|pend| NextOp {
            phrase: words::parked_phrase(m, g.gid, &names),
            line: line(pend.span.lo),
        });
        goroutines.push(GoroutineInfo {
            go_id: g.go_id,
            state,
            state_text,
            stack: g
                .stack
                .iter()
                .map(|f| FrameInfo {
                    func: f.name.to_string(),
                    line: line(f.span.lo),
                })
                .collect(),
            next: if ending.is_some() { None } else { next },
        });
    }
    crate::stable_sort::sort_by_key(&mut blocked_on, |(a, g, _, _)| (*a, *g));
    let waiting_for = |ptr: &Pointer| -> Vec<u64> {
        blocked_on
            .iter()
            .filter(|(_, _, p, _)| p.as_ref() == Some(ptr))
            .map(|(_, g, _, _)| go_id(*g))
            .collect()
    };

    let maps = map_infos(m, &names, records.last().map(|r| r.events.as_slice()));

    let mut sync_maps = Vec::new();
    let mut locks = Vec::new();
    let mut wait_groups = Vec::new();
    let mut other_sync = Vec::new();
    let mut timers = Vec::new();
    let mut contexts = Vec::new();
    for (ptr, state) in m.sync_objects() {
        let name = names.pointer(&ptr);
        match state {
            SyncState::Mutex(s) => locks.push(LockInfo {
                name,
                kind: "Mutex".into(),
                holder: s.holder().map(go_id),
                readers: Vec::new(),
                pending_writer: None,
                waiting: waiting_for(&ptr),
            }),
            SyncState::RwMutex(s) => {
                use crate::rt::rwmutex::WriterPhase;
                locks.push(LockInfo {
                    name,
                    kind: "RWMutex".into(),
                    holder: match s.writer() {
                        WriterPhase::Active => s.writer_gid().map(go_id),
                        _ => None,
                    },
                    readers: s.reader_holders().iter().map(|g| go_id(*g)).collect(),
                    pending_writer: match s.writer() {
                        WriterPhase::Pending => s.writer_gid().map(go_id),
                        _ => None,
                    },
                    waiting: waiting_for(&ptr),
                })
            }
            SyncState::WaitGroup(s) => wait_groups.push(WaitGroupInfo {
                name,
                counter: s.counter,
                waiting: waiting_for(&ptr),
            }),
            SyncState::Map(s) => sync_maps.push(sync_map_info(name, &s, waiting_for(&ptr), &go_id)),
            SyncState::Once(s) => other_sync.push(OtherSyncInfo {
                name,
                kind: "Once".into(),
                state: once_words(&s).into(),
            }),
            SyncState::AtomicInt(v) => other_sync.push(OtherSyncInfo {
                name,
                kind: "atomic.Int".into(),
                state: v.to_string(),
            }),
            SyncState::AtomicBool(v) => other_sync.push(OtherSyncInfo {
                name,
                kind: "atomic.Bool".into(),
                state: v.to_string(),
            }),
            SyncState::AtomicValue(v) => other_sync.push(OtherSyncInfo {
                name,
                kind: "atomic.Value".into(),
                state: crate::playback::trace::value_literal(&v),
            }),
            SyncState::TestingT(t) => other_sync.push(OtherSyncInfo {
                name,
                kind: "testing.T".into(),
                state: format!("{} failed: {} skipped: {}", t.name, t.failed, t.skipped),
            }),
            SyncState::Timer(t) => timers.push(TimerInfo {
                name,
                made_by: t.made_by.to_string(),
                armed: t.armed.is_some(),
                deadline: t.when,
                period: t.period,
                fired: t.fired,
                chan: t.chan().map(|c| names.chan(c)),
                now: m.clock(),
                line: line(t.made_at.lo),
            }),
            SyncState::Context(c) => contexts.push(ContextInfo {
                name,
                made_by: c.made_by.into(),
                line: c.made_at.map(|s| line(s.lo)),
                deadline: c.own_deadline(),
                cancelable: c.cancelable(),
                error: c.reason.map(String::from),
                children: c.children.len(),
            }),
            SyncState::CondNotify(c) => other_sync.push(OtherSyncInfo {
                name,
                kind: "Cond".into(),
                state: format!(
                    "{} waiting, tickets taken {}, notified {}",
                    c.waiting(),
                    c.wait,
                    c.notify
                ),
            }),
        }
    }

    let chans = chan_infos(
        m,
        &names,
        arrival,
        records.last().map(|r| r.events.as_slice()),
    );

    let race_steps = p.race_steps();
    let timeline = p.timeline(&names);
    let arrows = p.arrows().to_vec();
    let races: Vec<RaceInfo> = reports
        .iter()
        .zip(race_steps.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(r, steps)| race_info(r, &names, source_map, steps.copied()))
        .collect();

    let (console, ended) = console_and_end(p, ending.as_ref(), reports);
    let announcement = announce(p, &names, &goroutines, &races, ended.as_ref());
    View {
        step: p.cursor(),
        schedule: p.schedule(),
        goroutines,
        maps,
        sync_maps,
        locks,
        wait_groups,
        other_sync,
        chans,
        timers,
        contexts,
        console,
        races,
        timeline,
        arrows,
        announcement,
        ended,
    }
}

fn map_infos(m: &Machine, names: &Names, last: Option<&[crate::rt::event::Event]>) -> Vec<MapInfo> {
    let heap = m.heap();
    let key_text = |map: MapId, k: &crate::rt::value::Value| match heap.maps.get(map.0 as usize) {
        Some(obj) => m.format_value(obj.key_ty, k),
        None => super::super::trace::value_literal(k),
    };
    // Goroutines parked at map operations. Per map, indexed by map id (dense: the heap's map
    // index), so no ordered map is needed.
    let mut next: Vec<Vec<MapTouch>> = Vec::new();
    let mut writing_key: Vec<Option<String>> = Vec::new();
    for i in 0..m.goroutine_count() as u32 {
        let Some(g) = m.goroutine_state(Gid(i)) else {
            continue;
        };
        if g.status != GoStatus::Parked {
            continue;
        }
        let touch = match &g.next {
            Some(Visible::MapGet {
                map: Some(id), key, ..
            }) => Some((*id, MapAction::Read, Some(key_text(*id, key)))),
            Some(Visible::MapLen(Some(id))) => Some((*id, MapAction::Len, None)),
            Some(Visible::MapWriteBegin {
                map: Some(id),
                key,
                value,
                ..
            }) => {
                let action = match (key, value) {
                    (Some(_), Some(_)) => MapAction::WriteBegin,
                    (Some(_), None) => MapAction::DeleteBegin,
                    _ => MapAction::ClearBegin,
                };
                Some((*id, action, key.as_ref().map(|k| key_text(*id, k))))
            }
            Some(Visible::MapWriteEnd { map, key, .. }) => {
                let k = key.as_ref().map(|k| key_text(*map, k));
                if let Some(k) = &k {
                    *slot(&mut writing_key, *map) = Some(k.clone());
                }
                Some((*map, MapAction::WriteEnd, k))
            }
            Some(Visible::MapIterNext { iter }) => match g.iters.get(*iter) {
                Some((Some(id), _)) => Some((*id, MapAction::Iterate, None)),
                _ => None,
            },
            _ => None,
        };
        if let Some((id, action, key)) = touch {
            slot(&mut next, id).push(MapTouch {
                go_id: g.go_id,
                action,
                key,
            });
        }
    }
    let mut last_touches: Vec<Vec<MapTouch>> = Vec::new();
    for e in last.unwrap_or(&[]) {
        let (id, action, key) = match &e.op {
            Op::MapRead { map, key: Some(k) } => (*map, MapAction::Read, Some(k)),
            Op::MapRead { map, key: None } => (*map, MapAction::Len, None),
            Op::MapWriteBegin { map, key, delete } => (
                *map,
                match (key, delete) {
                    (None, _) => MapAction::ClearBegin,
                    (_, true) => MapAction::DeleteBegin,
                    _ => MapAction::WriteBegin,
                },
                key.as_ref(),
            ),
            Op::MapWriteEnd { map, key, .. } => (*map, MapAction::WriteEnd, key.as_ref()),
            Op::MapIterate { map, key } => (*map, MapAction::Iterate, key.as_ref()),
            _ => continue,
        };
        slot(&mut last_touches, id).push(MapTouch {
            go_id: m.go_id(e.gid),
            action,
            key: key.map(|k| key_text(id, k)),
        });
    }
    m.maps()
        .into_iter()
        .map(|v| MapInfo {
            id: v.id.0,
            name: names.map(v.id),
            entries: v
                .entries
                .into_iter()
                .map(|(key, value)| MapEntry { key, value })
                .collect(),
            writer: v.writer.map(|g| m.go_id(g)),
            writing_key: v
                .writer
                .and_then(|_| writing_key.get_mut(v.id.0 as usize)?.take()),
            next_touches: take(&mut next, v.id),
            last_touches: take(&mut last_touches, v.id),
        })
        .collect()
}

/// The entry of `map` in a per-map table, made (empty) if missing.
fn slot<T: Default>(table: &mut Vec<T>, map: MapId) -> &mut T {
    let i = map.0 as usize;
    if table.len() <= i {
        table.resize_with(i + 1, T::default);
    }
    &mut table[i]
}

/// The entry of `map` in a per-map table, taken out (empty if missing).
fn take<T: Default>(table: &mut [T], map: MapId) -> T {
    table
        .get_mut(map.0 as usize)
        .map(std::mem::take)
        .unwrap_or_default()
}

fn sync_map_info(
    name: String,
    s: &SyncMapState,
    waiting: Vec<u64>,
    go_id: &dyn Fn(Gid) -> u64,
) -> SyncMapInfo {
    let show = |ids: &mut dyn Iterator<Item = &crate::rt::sync_map::EntryId>| -> Vec<SyncMapEntry> {
        ids.filter_map(|id| s.entries.get(id.0 as usize))
            .map(|e| SyncMapEntry {
                key: crate::rt::sync_map::show(&e.key),
                value: match &e.p {
                    EntryP::Value(v) => crate::rt::sync_map::show(v),
                    EntryP::Deleted => "nil (deleted)".into(),
                    EntryP::Expunged => "expunged".into(),
                },
            })
            .collect()
    };
    SyncMapInfo {
        name,
        read: show(&mut s.read.m.values()),
        amended: s.read.amended,
        dirty: s.dirty.as_ref().map(|d| show(&mut d.values())),
        misses: s.misses,
        promotions: s.promotions,
        mu_holder: s.mu.holder().map(go_id),
        waiting,
    }
}

fn chan_infos(
    m: &Machine,
    names: &Names,
    arrival: &IdMap<Gid, u64>,
    last: Option<&[crate::rt::event::Event]>,
) -> Vec<ChanInfo> {
    let heap = m.heap();
    let fmt = |c: ChanId, v: &crate::rt::value::Value| super::super::words::message(m, names, c, v);
    let runnable = m.runnable();
    // (arrival, gid, chan, send value) of goroutines parked at channel operations.
    let mut parked: Vec<(u64, Gid, ChanId, Option<crate::rt::value::Value>)> = Vec::new();
    for i in 0..m.goroutine_count() as u32 {
        let gid = Gid(i);
        let Some(g) = m.goroutine_state(gid) else {
            continue;
        };
        if g.status != GoStatus::Parked {
            continue;
        }
        let at = arrival.get(&gid).copied().unwrap_or(0);
        match &g.next {
            Some(Visible::Send(Some(c), v)) => parked.push((at, gid, *c, Some(v.clone()))),
            Some(Visible::Recv { chan: Some(c), .. }) => parked.push((at, gid, *c, None)),
            Some(Visible::Select { arms, .. }) => {
                for a in arms {
                    if let Some(c) = a.chan {
                        parked.push((at, gid, c, a.send.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    crate::stable_sort::sort_by_key(&mut parked, |(a, g, _, _)| (*a, *g));
    let mut transfers: LiteMap<ChanId, Vec<Transfer>> = LiteMap::new_vec();
    for e in last.unwrap_or(&[]) {
        let (c, t) = match &e.op {
            Op::Send { chan, value, to } => (
                *chan,
                Transfer {
                    kind: if to.is_some() {
                        TransferKind::Handoff
                    } else {
                        TransferKind::Buffered
                    },
                    message: Message {
                        from: Some(m.go_id(e.gid)),
                        to: to.map(|g| m.go_id(g)),
                        value: fmt(*chan, value),
                    },
                },
            ),
            Op::Recv {
                chan,
                value,
                ok,
                from: None,
            } => (
                *chan,
                Transfer {
                    kind: if *ok {
                        TransferKind::Received
                    } else {
                        TransferKind::ClosedReceive
                    },
                    message: Message {
                        from: None,
                        to: Some(m.go_id(e.gid)),
                        value: fmt(*chan, value),
                    },
                },
            ),
            _ => continue,
        };
        transfers.entry(c).or_default().push(t);
    }
    m.chans()
        .into_iter()
        .map(|v| {
            let here = parked.iter().filter(|(_, _, c, _)| *c == v.id);
            let waiter = |g: Gid| ChanWaiter {
                go_id: m.go_id(g),
                blocked: !runnable.iter().any(|c| c.gid == g),
            };
            ChanInfo {
                id: v.id.0,
                name: names.chan(v.id),
                cap: v.cap,
                // The values as they were sent (`m.chans()` formats them as Go's `%v`).
                buffer: heap
                    .chans
                    .get(v.id.0 as usize)
                    .map(|c| c.buf.iter().map(|val| fmt(v.id, val)).collect())
                    .unwrap_or_default(),
                closed: v.closed,
                in_flight: here
                    .clone()
                    .filter_map(|(_, g, _, s)| {
                        s.as_ref().map(|val| Message {
                            from: Some(m.go_id(*g)),
                            to: None,
                            value: fmt(v.id, val),
                        })
                    })
                    .collect(),
                senders: here
                    .clone()
                    .filter(|(_, _, _, s)| s.is_some())
                    .map(|(_, g, _, _)| waiter(*g))
                    .collect(),
                receivers: here
                    .filter(|(_, _, _, s)| s.is_none())
                    .map(|(_, g, _, _)| waiter(*g))
                    .collect(),
                last_transfer: transfers.remove(&v.id).unwrap_or_default(),
            }
        })
        .collect()
}

fn access_info(
    a: &crate::race::report::RaceAccess,
    source_map: &crate::diag::SourceMap,
    step: Option<u64>,
) -> AccessInfo {
    let frame = a.frames.iter().find(|f| f.file == source_map.file_name);
    AccessInfo {
        go_id: a.go_id,
        write: a.write,
        func: frame.map(|f| f.name.clone()).unwrap_or_default(),
        line: frame.map(|f| f.line).unwrap_or(0),
        step,
    }
}

fn race_info(
    r: &RaceReport,
    names: &Names,
    source_map: &crate::diag::SourceMap,
    steps: Option<(u64, Option<u64>)>,
) -> RaceInfo {
    RaceInfo {
        location: match &r.loc {
            Loc::Map(id) | Loc::MapSlot(id, _) => names.map(*id),
            Loc::Heap(p) => names.pointer(p),
            Loc::Chan(id) => names.chan(*id),
            Loc::WaitGroupSema(p) => names.pointer(p),
        },
        current: access_info(&r.current, source_map, steps.map(|s| s.0)),
        previous: access_info(&r.previous, source_map, steps.and_then(|s| s.1)),
        report: r.render(),
    }
}

fn console_and_end(
    p: &Playback,
    ending: Option<&Ending>,
    races: &[RaceReport],
) -> (Console, Option<EndInfo>) {
    let session = p.session();
    let mut stderr = session.stderr.clone();
    let ended = ending.map(|e| {
        stderr.push_str(&e.text);
        let exit_code = if e.exit_code == 0 && !races.is_empty() {
            stderr.push_str(&found_line(races.len()));
            EXIT_RACE
        } else {
            e.exit_code
        };
        EndInfo {
            exit_code,
            first_error_line: e.first_line.clone(),
            deadlock: e.deadlock,
        }
    });
    (
        Console {
            stdout: p.machine().stdout().to_string(),
            stderr,
        },
        ended,
    )
}

fn who(go_id: u64) -> String {
    if go_id == 1 {
        "main goroutine".into()
    } else {
        format!("goroutine {go_id}")
    }
}

fn announce(
    p: &Playback,
    names: &Names,
    goroutines: &[GoroutineInfo],
    races: &[RaceInfo],
    ended: Option<&EndInfo>,
) -> String {
    let m = p.machine();
    let records = p.records();
    let mut parts: Vec<String> = Vec::new();
    match records.last() {
        None => {
            let first = goroutines
                .first()
                .and_then(|g| g.next.as_ref())
                .map(|n| format!("; next, it {} (line {})", n.phrase, n.line))
                .unwrap_or_default();
            parts.push(format!("step 0: the main goroutine is ready{first}"));
        }
        Some(last) => {
            let go_id = |g: Gid| m.go_id(g);
            for (i, e) in last.events.iter().enumerate() {
                let message = words::message_text(&e.op, m, &|| names.clone());
                parts.push(format!(
                    "{} {}",
                    who(m.go_id(e.gid)),
                    words::event_phrase(
                        &last.events,
                        i,
                        names,
                        &go_id,
                        message.as_deref(),
                        &p.program().source_map,
                    )
                ));
            }
            let before: &[Gid] = match records.len().checked_sub(2) {
                Some(i) => &records[i].blocked_after,
                None => &[],
            };
            for g in &last.blocked_after {
                if before.contains(g) {
                    continue;
                }
                let id = m.go_id(*g);
                if let Some(GoroutineInfo {
                    state: GoroutineState::Blocked { reason, on },
                    ..
                }) = goroutines.iter().find(|x| x.go_id == id)
                {
                    let what = on.clone().unwrap_or_else(|| reason.clone());
                    parts.push(format!("{} waits for {what}", who(id)));
                }
            }
            let found_before = match records.len().checked_sub(2) {
                Some(i) => records[i].races_after,
                None => 0,
            };
            for r in races
                .iter()
                .skip(found_before)
                .take(last.races_after - found_before.min(last.races_after))
            {
                parts.push(format!(
                    "data race on {} between {} and {}",
                    r.location,
                    who(r.current.go_id),
                    who(r.previous.go_id)
                ));
            }
        }
    }
    // A fatal error's step already says it.
    let said = records
        .last()
        .is_some_and(|r| r.events.iter().any(|e| matches!(e.op, Op::Fatal { .. })));
    if let Some(e) = ended.filter(|_| !said) {
        parts.push(match &e.first_error_line {
            Some(line) => format!("the program stops: {line}"),
            None => format!("the program exits with status {}", e.exit_code),
        });
    }
    parts.join("; ")
}

/// A `sync.Once`'s state in words: `not run yet`, `running`, `done`.
fn once_words(s: &crate::rt::once::OnceState) -> &'static str {
    use crate::rt::once::OnceState;
    match s {
        OnceState::NotStarted => "not run yet",
        OnceState::Running(_) => "running",
        OnceState::Done => "done",
    }
}
