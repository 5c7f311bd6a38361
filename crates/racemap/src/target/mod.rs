//! What the runner and the explorer need from a machine: the [`Target`] trait, how a run
//! [`Ending`]s, and the dependence [`Footprint`] of each goroutine's next operation.
//!
//! `rt::machine::Machine` implements it ([`machine`]); tests implement it for tiny models so the
//! search can be checked against brute-force enumeration. This module sits between the runtime
//! and its drivers: `run` and `explore` use it, it uses neither.

mod atomic_commute;
mod chan_reach;
pub mod footprint;
mod lock_guards;
mod lock_holder;
pub mod machine;
mod overtake;
mod persistent;
mod timer_futures;
mod wait_group_steps;
mod wait_guards;

pub use crate::rt::machine::StateMemo;
pub use footprint::{CommutingClass, Footprint, Resource};
pub use overtake::{queue_note, Overtake, QueueRule, WakeSteps};

use crate::diag::SourceMap;
use crate::rt::config::WakeOrder;
use crate::rt::event::{Event, Gid};
use crate::sched::Choice;
use serde::{Deserialize, Deserializer, Serialize};
use std::rc::Rc;

/// Exit status racemap uses when one of its own bounds (steps, instructions, goroutines, heap)
/// ended the run: neither Go's 0/2 nor the race detector's 66.
pub const EXIT_LIMIT: i32 = 3;

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    /// The process exit status before race accounting: 0 (main returned), 2 (panic or fatal
    /// error), [`EXIT_LIMIT`].
    pub exit_code: i32,
    /// The first line of the failure (`fatal error: concurrent map writes`), or the racemap limit
    /// message; `None` after a normal exit.
    pub first_line: Option<String>,
    /// Everything the runtime prints on stderr at the end (panic text and goroutine dump).
    pub text: String,
    /// The failure is `fatal error: all goroutines are asleep - deadlock!`.
    pub deadlock: bool,
    /// One of racemap's own bounds ended the run (exit status [`EXIT_LIMIT`]), not the
    /// program: a program's `os.Exit(3)` has the same status and is not a limit.
    pub limit: bool,
}

/// A `time.Sleep` cut short: a goroutine woke while virtual time would still have kept it asleep
/// (another goroutine could move, or another sleeper was due first). Go gives a sleep no
/// ordering, so this can happen (any goroutine can be delayed past any sleep), yet a run on a
/// lightly loaded machine rarely shows it. In JSON `{"goroutine": 1, "file": "prog.go",
/// "line": 7}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EarlyWake {
    /// Go's number of the sleeping goroutine.
    pub goroutine: u64,
    /// The file of its `time.Sleep` call.
    pub file: String,
    /// The 1-based line of its `time.Sleep` call.
    pub line: u32,
    /// The call that made the timer when the sleeper is a runtime timer (`time.After`; its
    /// fire, see `rt::timer`), `None` for a goroutine's `time.Sleep` (and then left out of the JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timer: Option<&'static str>,
}

/// An [`EarlyWake`] read back (the page's explorer worker sends results to the page), its timer
/// name interned, so a name read many times is stored once.
impl<'de> Deserialize<'de> for EarlyWake {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EarlyWake, D::Error> {
        /// [`EarlyWake`] with the timer's name owned.
        #[derive(Deserialize)]
        struct Owned {
            goroutine: u64,
            file: String,
            line: u32,
            #[serde(default)]
            timer: Option<String>,
        }
        let owned = Owned::deserialize(d)?;
        Ok(EarlyWake {
            goroutine: owned.goroutine,
            file: owned.file,
            line: owned.line,
            timer: owned.timer.map(|name| intern(&name)),
        })
    }
}

/// `name` as a `&'static str`: one leaked copy per distinct name per thread (timer names are the
/// few library calls that make timers: `time.After`, `time.NewTimer`, …).
fn intern(name: &str) -> &'static str {
    thread_local! {
        static NAMES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(known) = names.iter().find(|known| **known == name) {
            return *known;
        }
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        names.push(leaked);
        leaked
    })
}

impl EarlyWake {
    /// `goroutine 1's time.Sleep at prog.go:7`, `the time.After timer at prog.go:9`.
    pub fn describe(&self) -> String {
        if let Some(call) = self.timer {
            return format!("the {call} timer at {}:{}", self.file, self.line);
        }
        format!(
            "goroutine {}'s time.Sleep at {}:{}",
            self.goroutine, self.file, self.line
        )
    }
}

/// A deterministic, clonable machine the runner steps and the explorer branches.
pub trait Target: Clone {
    /// The moves available now (empty once the run ended).
    fn runnable(&self) -> Vec<Choice>;
    /// The moves of `gid` among [`Target::runnable`], in its order.
    fn runnable_of(&self, gid: Gid) -> Vec<Choice> {
        let mut moves = self.runnable();
        moves.retain(|c| c.gid == gid);
        moves
    }
    /// `choice` is among [`Target::runnable`].
    fn can_run(&self, choice: Choice) -> bool {
        self.runnable().contains(&choice)
    }
    /// Make one move; returns its events (a rendezvous may give one event per goroutine).
    fn step(&mut self, choice: Choice) -> Vec<Event>;
    /// `Some` once the run ended.
    fn ending(&self) -> Option<Ending>;
    /// The bytes of the ending's [`Ending::text`] as the process writes them (a panic value's
    /// string may hold invalid UTF-8, which `text` shows as U+FFFD); `Some` once the run ended.
    fn ending_text_bytes(&self) -> Option<Vec<u8>> {
        self.ending().map(|e| e.text.into_bytes())
    }
    /// Program stdout so far: the bytes the program wrote (a Go string may hold any bytes).
    fn stdout_bytes(&self) -> &[u8];
    /// Program stdout so far as text (an invalid byte shows as U+FFFD).
    fn stdout(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.stdout_bytes())
    }
    /// Program stderr so far (builtin `print`/`println`), without the final failure text: its
    /// bytes.
    fn stderr_bytes(&self) -> &[u8];
    /// Program stderr so far as text (an invalid byte shows as U+FFFD).
    fn stderr(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.stderr_bytes())
    }
    /// Goroutines ever created; ids are `0..count`.
    fn goroutine_count(&self) -> usize;
    /// What the next operation of `gid` touches (`None` when it has none: exited).
    fn footprint(&self, gid: Gid) -> Option<Footprint>;
    /// What each goroutine may still do (`bytecode::future`), by id, where the static future
    /// applies: the race detector's canonical form forgets accesses no future one can race
    /// with. `None` by default (every goroutine may do anything).
    fn goroutine_futures(&self) -> Option<Vec<crate::bytecode::future::Classes>> {
        None
    }
    /// [`Target::goroutine_futures`], with `footprint` giving [`Target::footprint`] of this
    /// state (the explorer keeps each state's footprints and computes each once).
    fn goroutine_futures_with(
        &self,
        _footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<crate::bytecode::future::Classes>> {
        self.goroutine_futures()
    }
    /// Every lock in the heap, for the race detector's lock-guarded liveness
    /// (`race::LockGuards::locks`), where it applies. `futures` is
    /// [`Target::goroutine_futures`] of this state. `None` by default.
    fn lock_set(
        &self,
        _futures: &[crate::bytecode::future::Classes],
    ) -> Option<Vec<(crate::rt::value::Pointer, bool)>> {
        None
    }
    /// [`Target::future_until`] of `gid` and `barrier` is `gid`'s part of
    /// [`Target::goroutine_futures`] (no need to compute it again). `false` by default.
    fn future_until_is_whole(&self, _gid: Gid, _barrier: crate::bytecode::future::Barrier) -> bool {
        false
    }
    /// What `gid` may do before it next takes a lock of `barrier`'s kind
    /// (`race::LockGuards::until`); `footprint` gives [`Target::footprint`] of this state.
    /// `None` by default.
    fn future_until(
        &self,
        _gid: Gid,
        _barrier: crate::bytecode::future::Barrier,
        _footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<crate::bytecode::future::Classes> {
        None
    }
    /// Every `sync.WaitGroup` in the heap with the goroutines whose `Done` on it every `Wait` on
    /// it returning from now on comes after (`race::LockGuards::wait_groups`,
    /// `target::wait_guards`); `futures` is [`Target::goroutine_futures`] of this state and
    /// `footprint` gives [`Target::footprint`] of it. `None` by default.
    fn wait_groups(
        &self,
        _futures: &[crate::bytecode::future::Classes],
        _footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<crate::race::WaitGroupDones>> {
        None
    }
    /// A superset of the goroutines without a move now whose [`Target::footprint`] may be
    /// dependent with `fp`, in id order (the explorer's analysis of blocked operations asks
    /// this at every step instead of every goroutine's footprint); `None`: every goroutine.
    fn blocked_near(&self, _fp: &Footprint) -> Option<Vec<Gid>> {
        None
    }
    /// After a step made on a copy of a state: a superset of the goroutines whose moves
    /// ([`Target::runnable_of`]) may differ from those of that state, in id order, when the
    /// target knows it; `None` (the default): any goroutine's may.
    fn moves_changed(&self) -> Option<Vec<Gid>> {
        None
    }
    /// `gid` has a next operation: [`Target::footprint`] is `Some` (without computing it).
    fn has_operation(&self, gid: Gid) -> bool {
        self.footprint(gid).is_some()
    }
    /// The program's positions, for race reports.
    fn source_map(&self) -> Rc<SourceMap>;
    /// Go's number of the first goroutine created by a `go` statement.
    fn first_goroutine_id(&self) -> u64;
    /// The line of `_testmain.go` at which a test binary's `main.main` calls `m.Run()`
    /// ([`crate::bytecode::Program::testmain_line`]).
    fn testmain_line(&self) -> u32 {
        49
    }
    /// The program can sleep, so [`WakeOrder`] changes which moves are offered.
    fn may_sleep(&self) -> bool {
        false
    }
    /// Offer sleepers' wake-ups in this order from now on.
    fn set_wake_order(&mut self, _order: WakeOrder) {}
    /// The program cannot show the virtual clock's value, so [`WakeOrder::Timeless`] gives its
    /// runs the outcomes of [`WakeOrder::AnyTimeUnbounded`] (`rt::machine`'s `clock_hidden`).
    fn clock_hidden(&self) -> bool {
        false
    }
    /// Sleepers wake in virtual time order here and only sleepers can move: the step that led
    /// here enabled a wake-up, so the explorer adds [`Resource::Idle`] (read) to its footprint.
    fn idle(&self) -> bool {
        false
    }
    /// At the end of a test's run, the goroutines it left blocked forever (a leak, as
    /// `goleak.VerifyNone` reports it); runs that differ only in what leaked are different
    /// outcomes. Empty for a program that is not a test.
    fn leaked(&self) -> Vec<String> {
        Vec::new()
    }
    /// The race detector has reported `count` races so far in this run (a test's `testing.T`
    /// fails at its end when one was reported during it, as Go's `tRunner` does).
    fn note_races(&mut self, _count: usize) {}
    /// A move that Go allows is left out of [`Target::runnable`] here because a ticker already
    /// fired ahead of virtual time as often as a run allows ([`crate::rt::timer::MAX_EARLY_TICKS`]):
    /// the search is then bounded ([`crate::explore::SearchLimit::EarlyTicks`]).
    fn withholds_early_ticks(&self) -> bool {
        false
    }
    /// Channel `chan` has a buffer (capacity above zero): a value sent on it is received
    /// either from the buffer or handed to a receiver blocked there, two paths to one state
    /// (the stateful search keys the state after such a receive, `explore::stateful::arrive`).
    fn chan_buffered(&self, _chan: crate::rt::value::ChanId) -> bool {
        false
    }
    /// [`Target::hash_state`] returns `true` (without hashing anything).
    fn hashes_state(&self) -> bool {
        false
    }
    /// The most goroutines a state may have for the stateful search to key it (the key's
    /// cost grows with their square): higher where [`Target::hash_state`] keys states up to
    /// renaming interchangeable goroutines (`rt::machine::symmetry`), whose searches reach few
    /// states per goroutine.
    fn max_keyed_goroutines(&self) -> usize {
        0
    }
    /// Feed `h` this machine's semantic state: everything that decides its future and the
    /// outcome of its runs, nothing of its history (`rt::machine::Machine::hash_state`). `false`
    /// when the target cannot (invariant: exactly when [`Target::hashes_state`] is `false`) (the explorer then never caches states of it). `memo` receives
    /// the hashes of the parts shared copy-on-write between clones; `parent`'s, from the state
    /// this one was cloned from (which is still alive), are reused for parts it shares with
    /// it ([`StateMemo`]).
    fn hash_state<H: std::hash::Hasher>(
        &self,
        _h: &mut H,
        _memo: &mut StateMemo,
        _parent: Option<&StateMemo>,
    ) -> bool {
        false
    }
    /// How many races were reported changes what the program does (a test's `testing.T` fails
    /// when one was reported during it), not only whether one was.
    fn counts_races(&self) -> bool {
        false
    }
    /// The machine ends a run with a limit error once it made this many steps (`None`: no
    /// bound of its own).
    fn step_limit(&self) -> Option<u64> {
        None
    }
    /// The run ended at racemap's limit on the number of goroutines created: the step that
    /// hit it (a creation, [`Resource::Spawn`]) is then dependent only with what its own
    /// operation touches, not with everything: an operation left pending races with the
    /// earlier steps it conflicts with, not with the cut, and which goroutines were created
    /// before the limit is not searched (creations commute; the search says it is incomplete,
    /// [`crate::explore::SearchLimit::RunLimit`]). `false` by default and for every other
    /// ending (the step limit stays dependent with everything: a spin loop's run ends there,
    /// and the pending step of the goroutine it waits for must get its turn before it).
    fn cut_by_limit(&self) -> bool {
        false
    }
    /// A step of `gid` with this footprint, made now, commutes with everything every other
    /// goroutine may still do, so it is a persistent set alone (`target::persistent`); `false`
    /// when the target cannot tell.
    /// `futures` is [`Target::goroutine_futures`] of this state (computed once per state by the
    /// caller).
    fn commutes_with_futures(
        &self,
        _gid: Gid,
        _footprint: &Footprint,
        _futures: &[crate::bytecode::future::Classes],
    ) -> bool {
        false
    }
    /// When `gid`'s next operation is a `sync/atomic` add whose result is discarded and that is
    /// a persistent set alone of the stateful search's quotient by its state key, provided
    /// every access the race detector keeps live is inert (`race::Detector::live_inert`): the
    /// goroutines such an access may belong to (`target::atomic_commute`). `futures` is
    /// [`Target::goroutine_futures`] of this state, `footprint` gives [`Target::footprint`].
    /// `None` by default.
    fn atomic_alone(
        &self,
        _gid: Gid,
        _futures: &[crate::bytecode::future::Classes],
        _footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<Gid>> {
        None
    }
    /// `choice` ends the program with a panic whose deferred calls already ran (a step of its
    /// own): a seeded run makes it as soon as it is offered, as Go nearly always does.
    fn crashes(&self, _choice: Choice) -> bool {
        false
    }
    /// The sleep that `choice` cuts short, when it wakes a sleeper early ([`EarlyWake`]).
    fn early_wake(&self, _choice: Choice) -> Option<EarlyWake> {
        None
    }
    /// The goroutines `choice` passes in one of Go's queues, when it takes a lock or completes
    /// a channel handoff ahead of goroutines queued there first, a sleep or timer before
    /// ([`Overtake`]). Asked of every move of a recorded outcome's path in order (a replay),
    /// not while searching: `wakes` holds the steps so far where time passed, and the target
    /// adds the step of `choice` when it ends a sleep or a timer.
    fn overtake(&self, _choice: Choice, _wakes: &mut WakeSteps) -> Option<Overtake> {
        None
    }
}
