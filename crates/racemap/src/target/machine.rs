//! [`Target`] for the goroutine machine: its runnable moves, its ending in Go's terms, and the
//! dependence footprint of each goroutine's next operation.
//!
//! Footprints follow `Machine::pending`, made conservative where the machine's own footprint
//! is silent: main's exit and sleep wake-ups are global; a map iteration step reads its map;
//! a library call that names no sync object and is neither output nor `time.Sleep` is global.
//! `wg.Done()`, `RLock` and `RUnlock` are commuting updates within their own kind; whether a
//! `wg.Done()` or a registering `wg.Wait()` commutes depends on the WaitGroup's counter and
//! waiters now (a Done that may wake waiters, or a Wait the last Done could outrun, does not).

use super::footprint::{CommutingClass, Footprint, Resource};
use super::{EarlyWake, Ending, Target, EXIT_LIMIT};
use crate::bytecode::LibFunc;
use crate::diag::SourceMap;
use crate::rt::config::WakeOrder;
use crate::rt::error::{RtError, EXIT_INTERNAL};
use crate::rt::event::{Event, Gid};
use crate::rt::goroutine::Visible;
use crate::rt::machine::{Choice, Machine, PendingKind, Status};
use crate::rt::sync_state::SyncState;
use crate::rt::value::Value;
use std::rc::Rc;

impl Target for Machine {
    fn runnable(&self) -> Vec<Choice> {
        Machine::runnable(self)
    }

    fn step(&mut self, choice: Choice) -> Vec<Event> {
        Machine::step(self, choice)
    }

    fn ending(&self) -> Option<Ending> {
        match self.status() {
            Status::Running => None,
            Status::Exited => Some(Ending {
                exit_code: 0,
                first_line: None,
                text: String::new(),
                deadlock: false,
            }),
            Status::Failed(e) => Some(Ending {
                exit_code: e.exit_code(),
                first_line: Some(e.first_line()),
                text: e.render(),
                deadlock: e.error == RtError::deadlock(),
            }),
            Status::Internal(e) => Some(Ending {
                exit_code: EXIT_INTERNAL,
                first_line: Some(e.first_line()),
                text: e.render(),
                deadlock: false,
            }),
            Status::Limit(l) => {
                let line = l.message();
                Some(Ending {
                    exit_code: EXIT_LIMIT,
                    text: format!("{line}\n"),
                    first_line: Some(line),
                    deadlock: false,
                })
            }
        }
    }

    fn stdout_bytes(&self) -> &[u8] {
        Machine::stdout_bytes(self)
    }

    fn stderr_bytes(&self) -> &[u8] {
        Machine::stderr_bytes(self)
    }

    fn goroutine_count(&self) -> usize {
        Machine::goroutine_count(self)
    }

    fn footprint(&self, gid: Gid) -> Option<Footprint> {
        let p = self.pending(gid)?;
        if p.kind == PendingKind::Exit {
            return Some(if gid == Gid::MAIN {
                Footprint::main_exit()
            } else {
                Footprint::goroutine_exit()
            });
        }
        let global = match p.kind {
            // A wake-up at any time touches nothing another goroutine sees (it ends a sleep
            // that no other goroutine waits for); in virtual time, whether it may happen depends
            // on every other goroutine.
            PendingKind::Wake => self.config().wake_order == WakeOrder::VirtualTime,
            PendingKind::Lib(f) => {
                f != LibFunc::TimeSleep && p.touches.sync.is_empty() && !p.touches.output
            }
            _ => false,
        };
        if global {
            return Some(Footprint::global());
        }
        let f = p.touches;
        let mut resources: Vec<(Resource, bool)> = Vec::new();
        resources.extend(f.memory.into_iter().map(|(p, w)| (Resource::Memory(p), w)));
        resources.extend(f.maps.into_iter().map(|(m, w)| (Resource::Map(m), w)));
        resources.extend(f.chans.into_iter().map(|c| (Resource::Chan(c), true)));
        let wg = |gid: Gid| {
            let g = self.goroutines.get(gid.0 as usize)?;
            let Some(Visible::Lib { args, .. }) = &g.next else {
                return None;
            };
            match args.first() {
                Some(Value::Ptr(Some(ptr))) => match self.heap.sync(ptr) {
                    Ok(SyncState::WaitGroup(s)) => Some((s.counter, s.waiters)),
                    _ => None,
                },
                _ => None,
            }
        };
        let commuting = match p.kind {
            // A Done commutes with Dones unless one of two would wake waiters (which goroutine
            // takes the wake-up step shows), and with registrations that it cannot outrun to zero.
            PendingKind::Lib(LibFunc::WaitGroupDone) => match wg(gid) {
                Some((counter, waiters)) if waiters == 0 || counter >= 3 => {
                    Some(CommutingClass::WaitGroupDone)
                }
                _ => None,
            },
            PendingKind::Lib(LibFunc::WaitGroupWait) => match wg(gid) {
                Some((counter, _)) if counter >= 2 => Some(CommutingClass::WaitGroupWaiter),
                _ => None,
            },
            PendingKind::Lib(LibFunc::RwMutexRLock) => Some(CommutingClass::RLock),
            PendingKind::Lib(LibFunc::RwMutexRUnlock) => Some(CommutingClass::RUnlock),
            _ => None,
        };
        // Atomic loads only read their word: loads commute with each other.
        let writes = !matches!(
            p.kind,
            PendingKind::Lib(
                LibFunc::AtomicLoadInt32
                    | LibFunc::AtomicLoadInt64
                    | LibFunc::AtomicInt32Load
                    | LibFunc::AtomicInt64Load
                    | LibFunc::AtomicBoolLoad
            )
        );
        resources.extend(f.sync.into_iter().map(|p| match commuting {
            Some(class) => (Resource::Commuting(p, class), true),
            None => (Resource::Memory(p), writes),
        }));
        if f.output {
            resources.push((Resource::Output, true));
        }
        if f.spawn {
            resources.push((Resource::Spawn, true));
        }
        let g = self.goroutines.get(gid.0 as usize)?;
        if let Some(Visible::Select {
            arms,
            has_default: true,
            ..
        }) = &g.next
        {
            let polled: Vec<(Resource, bool)> = resources
                .iter()
                .filter_map(|(r, _)| match r {
                    Resource::Chan(c) => Some((Resource::ChanPoll(*c), false)),
                    _ => None,
                })
                .collect();
            debug_assert!(arms.is_empty() || !polled.is_empty() || resources.is_empty());
            resources.extend(polled);
        }
        if p.kind == PendingKind::MapIterate {
            let g = self.goroutines.get(gid.0 as usize)?;
            if let Some(Visible::MapIterNext { iter }) = &g.next {
                match g.iters.get(*iter) {
                    Some((Some(m), _)) => resources.push((Resource::Map(*m), false)),
                    Some((None, _)) => {}
                    None => return Some(Footprint::global()),
                }
            }
        }
        Some(Footprint {
            resources,
            ..Footprint::default()
        })
    }

    fn source_map(&self) -> Rc<SourceMap> {
        Rc::new(self.program().source_map.clone())
    }

    fn first_goroutine_id(&self) -> u64 {
        self.config().first_goroutine_id
    }

    fn may_sleep(&self) -> bool {
        Machine::may_sleep(self)
    }

    fn set_wake_order(&mut self, order: WakeOrder) {
        Machine::set_wake_order(self, order)
    }

    fn early_wake(&self, choice: Choice) -> Option<EarlyWake> {
        if !self.wakes_early(choice.gid) {
            return None;
        }
        let span = self.pending(choice.gid)?.span;
        let map = &self.program().source_map;
        Some(EarlyWake {
            goroutine: self.go_id(choice.gid),
            file: map.file_name.clone(),
            line: map.line(span.lo),
        })
    }
}
