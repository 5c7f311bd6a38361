//! Seeded runs scheduled the way Go's runtime typically schedules them: a discrete-event model
//! of Go 1.19's scheduler (`runtime/proc.go`) on two Ps (GOMAXPROCS = the number of CPUs of the
//! machines racemap's expectations were measured on).
//!
//! Each P has a running goroutine, a `runnext` slot and a local run queue; there is one global
//! queue. The rules are Go's:
//! - `go f()` (`newproc` → `runqput(p, g, next=true)`): the new goroutine takes the P's
//!   `runnext`, the old `runnext` goes to the tail of the local queue; then `wakep` starts an idle
//!   P, which looks for work after a wake-up latency.
//! - A goroutine readied by another's step (a channel hand-off, an unlock, `wg.Done`, a close:
//!   `goready` → `ready(gp, next=true)`) takes the readying P's `runnext` the same way, and
//!   `wakep` runs. A goroutine woken by its timer (`time.Sleep`) goes to the global queue.
//! - The running goroutine keeps its P until it blocks, exits or calls `runtime.Gosched`
//!   (`goschedImpl`: to the tail of the global queue).
//! - A P without a goroutine runs `findRunnable`: every 61st schedule the global queue first,
//!   then `runnext`, the local queue, the global queue (`globrunqget`: a batch of
//!   `len/GOMAXPROCS + 1`), then steals from the other P (`runqsteal`: half of its local queue,
//!   running the last one taken; its `runnext` only when the queue is empty, and when the
//!   victim is running only after `runqgrab`'s `usleep(3)` back-off). Finding nothing, it idles.
//!
//! Time is virtual: each P has a clock in nanoseconds and the P that is furthest behind makes
//! the next move (its goroutine's step, or its look for work). Steps cost nominal amounts
//! ([`Costs`], measured for `go run -race` binaries of Go 1.19 on amd64): a `go` statement and a
//! print are expensive, most steps cheap, waking an idle P slower than a few `go` statements.
//! Seed 0 is the model's central run: every cost at its nominal value, which gives the most
//! common outcome of Go. Other seeds jitter each cost and the wake-up latency (an idle P is now
//! and then already spinning), varying the run the way real timing does. `select` picks among
//! its ready cases uniformly with the seed's generator (as Go does with `fastrand`).
//!
//! The model is deterministic (splitmix64, no clock), and its state after a step depends only
//! on the runnable moves and the moves made so far, so a run's schedule replays it exactly. Each
//! pick processes at most [`MAX_LOOKS`] looks for work before it makes a move.

use std::collections::{BTreeSet, VecDeque};

use super::{goroutines_of, Choice, Scheduler, SplitMix64};
use crate::rt::event::{Event, Gid, Op};

/// GOMAXPROCS.
const PROCS: usize = 2;

/// Most looks for work processed by one pick (each advances a clock or idles a P; a bound, not
/// reached in practice).
pub const MAX_LOOKS: usize = 64;

/// Nominal costs in virtual nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Costs {
    /// A step (a channel operation, a lock, a load or store, a map write half).
    pub step: u64,
    /// A `go` statement under `-race` (`newproc1` with `racegostart`).
    pub go: u64,
    /// A print of some text (the `write(2)` of `fmt.Println`).
    pub print: u64,
    /// `schedule()`: switching a P to its next goroutine.
    pub switch: u64,
    /// `wakep` → `startm`: an idle M woken by futex until it looks for work.
    pub wake: u64,
    /// `runqgrab`'s `usleep(3)` before stealing a running P's `runnext`, with the sleeping M's
    /// wake-up.
    pub backoff: u64,
}

/// The costs of a `go run -race` binary of Go 1.19 on amd64 (2 CPUs under load, the medians of
/// three measurements with `time.Since` over 2 000 operations: `go` 4.5 µs (4–16), `fmt.Println`
/// 13.5 µs (5–16), a channel operation 0.09 µs, a send waking a goroutine parked on an idle P
/// 7.8 µs (5.5–8.5), of which the wake-up and the steal's back-off are part).
pub const RACE_COSTS: Costs = Costs {
    step: 50,
    go: 5_000,
    print: 13_000,
    switch: 200,
    wake: 5_000,
    backoff: 3_000,
};

/// One P.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Proc {
    /// The goroutine running on it.
    cur: Option<Gid>,
    /// `runnext`.
    next: Option<Gid>,
    /// The local run queue.
    runq: VecDeque<Gid>,
    /// Virtual time this P has reached.
    clock: u64,
    /// Without a goroutine: the time it looks for work next (`None`: idle, parked).
    // Invariant: `None` whenever `cur` is `Some`.
    look_at: Option<u64>,
    /// The look at `look_at` follows a back-off: it may steal the other P's `runnext` at once.
    backed_off: bool,
    /// `schedtick`: schedules made.
    ticks: u64,
}

/// Picks moves as Go's runtime typically would (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoScheduler {
    /// The Ps.
    procs: [Proc; PROCS],
    /// The global run queue.
    global: VecDeque<Gid>,
    /// Goroutines in `time.Sleep`: their wake-up is a timer's, not another goroutine's.
    sleeping: BTreeSet<Gid>,
    /// Every goroutine running or queued on some P or the global queue.
    // Invariant: exactly the goroutines in the `cur`, `next` and `runq` of `procs` and in
    // `global`, each once.
    placed: BTreeSet<Gid>,
    /// The P of the goroutine that moved last (what it readied goes to that P's `runnext`).
    last: usize,
    /// The generator (`select` cases; the jitter of costs).
    rng: SplitMix64,
    /// Jitter costs (every seed but 0).
    jitter: bool,
    /// Nominal costs.
    costs: Costs,
}

impl GoScheduler {
    /// The scheduler of seed `seed` with [`RACE_COSTS`].
    pub fn new(seed: u64) -> GoScheduler {
        GoScheduler {
            procs: Default::default(),
            global: VecDeque::new(),
            sleeping: BTreeSet::new(),
            placed: BTreeSet::new(),
            last: 0,
            rng: SplitMix64::new(seed),
            jitter: seed != 0,
            costs: RACE_COSTS,
        }
    }

    /// `c` jittered: uniform in `[3c/4, 3c/2)` for a jittering seed.
    fn vary(&mut self, c: u64) -> u64 {
        if !self.jitter || c == 0 {
            return c;
        }
        c * 3 / 4 + self.rng.below(c * 3 / 4)
    }

    /// The wake-up latency of an idle P: nominal, jittered, and one time in eight (a jittering
    /// seed) short: an M was still spinning.
    fn wake_latency(&mut self) -> u64 {
        if self.jitter && self.rng.below(8) == 0 {
            return self.costs.switch;
        }
        let w = self.costs.wake;
        self.vary(w)
    }

    /// The latest clock of a P: now.
    fn now(&self) -> u64 {
        self.procs.iter().map(|p| p.clock).max().unwrap_or(0)
    }

    /// `runqput(p, g, next=true)`: `g` takes `runnext`, the old one goes to the queue's tail.
    fn put_next(&mut self, p: usize, g: Gid) {
        let old = self.procs[p].next.replace(g);
        if let Some(old) = old {
            self.procs[p].runq.push_back(old);
        }
        self.placed.insert(g);
    }

    /// `wakep`: an idle P starts looking for work after the wake-up latency, unless a P is
    /// looking already.
    fn wakep(&mut self, now: u64) {
        if self.procs.iter().any(|p| p.look_at.is_some()) {
            return;
        }
        let Some(i) = self
            .procs
            .iter()
            .position(|p| p.cur.is_none() && p.look_at.is_none())
        else {
            return;
        };
        let at = now + self.wake_latency();
        let p = &mut self.procs[i];
        p.clock = p.clock.max(now);
        p.look_at = Some(at);
        p.backed_off = false;
    }

    /// P `p` lost its goroutine: it looks for the next one after a switch.
    fn reschedule(&mut self, p: usize) {
        let switch = self.vary(self.costs.switch);
        let proc = &mut self.procs[p];
        proc.cur = None;
        proc.look_at = Some(proc.clock + switch);
        proc.backed_off = false;
    }

    /// Forget goroutines that cannot move and place the new ones: a goroutine readied by the last
    /// move goes to that P's `runnext`, one woken by its timer to the global queue.
    fn reconcile(&mut self, choices: &[Choice]) {
        let runnable: BTreeSet<Gid> = goroutines_of(choices).into_iter().collect();
        if self.placed.iter().any(|g| !runnable.contains(g)) {
            for i in 0..PROCS {
                if self.procs[i].cur.is_some_and(|g| !runnable.contains(&g)) {
                    self.reschedule(i);
                }
                let p = &mut self.procs[i];
                p.next = p.next.filter(|g| runnable.contains(g));
                p.runq.retain(|g| runnable.contains(g));
            }
            self.global.retain(|g| runnable.contains(g));
            self.placed.retain(|g| runnable.contains(g));
        }
        let fresh: Vec<Gid> = runnable.difference(&self.placed).copied().collect();
        for g in fresh {
            if self.sleeping.remove(&g) || self.placed.is_empty() {
                self.global.push_back(g);
                self.placed.insert(g);
                let now = self.now();
                self.wakep(now);
            } else {
                let p = self.last;
                self.put_next(p, g);
                let now = self.procs[p].clock;
                self.wakep(now);
            }
        }
    }

    /// `findRunnable` on P `p` at its look time: the goroutine it runs, if any.
    fn find(&mut self, p: usize) -> Option<Gid> {
        let me = &mut self.procs[p];
        me.ticks += 1;
        if me.ticks.is_multiple_of(61) {
            if let Some(g) = self.global.pop_front() {
                return Some(g);
            }
        }
        if let Some(g) = me.next.take().or_else(|| me.runq.pop_front()) {
            return Some(g);
        }
        if !self.global.is_empty() {
            // globrunqget(p, 0): len/GOMAXPROCS + 1, the first to run, the rest queued.
            let n = (self.global.len() / PROCS + 1).min(self.global.len());
            let first = self.global.pop_front();
            for _ in 1..n {
                if let Some(g) = self.global.pop_front() {
                    self.procs[p].runq.push_back(g);
                }
            }
            return first;
        }
        let v = (p + 1) % PROCS;
        let n = self.procs[v].runq.len();
        let n = n - n / 2;
        if n > 0 {
            // runqsteal: the first half of the victim's queue; the last one taken runs.
            let taken: Vec<Gid> = self.procs[v].runq.drain(..n).collect();
            let (run, rest) = taken.split_last()?;
            self.procs[p].runq.extend(rest.iter().copied());
            return Some(*run);
        }
        if let Some(g) = self.procs[v].next {
            if self.procs[v].cur.is_some() && !self.procs[p].backed_off {
                // Back off before stealing a running P's runnext.
                let wait = self.vary(self.costs.backoff);
                let me = &mut self.procs[p];
                me.look_at = Some(me.clock + wait);
                me.backed_off = true;
                return None;
            }
            self.procs[v].next = None;
            return Some(g);
        }
        None
    }

    /// The P with the earliest next event: `(time, p, looking)`.
    fn earliest(&self) -> Option<(u64, usize, bool)> {
        (0..PROCS)
            .filter_map(|i| {
                let p = &self.procs[i];
                match (p.cur, p.look_at) {
                    (Some(_), _) => Some((p.clock, i, false)),
                    (None, Some(at)) => Some((at, i, true)),
                    (None, None) => None,
                }
            })
            .min()
    }

    /// The P running `g`, adopting it when none does (a move the scheduler did not pick: the
    /// user's, a crash made first): `g` leaves its queue and runs on an idle P, or preempts P 0's
    /// goroutine (which goes to the front of its queue).
    fn proc_of(&mut self, g: Gid) -> usize {
        if let Some(i) = self.procs.iter().position(|p| p.cur == Some(g)) {
            return i;
        }
        for p in self.procs.iter_mut() {
            if p.next == Some(g) {
                p.next = None;
            }
            p.runq.retain(|x| *x != g);
        }
        self.global.retain(|x| *x != g);
        let now = self.now();
        let i = self.procs.iter().position(|p| p.cur.is_none()).unwrap_or(0);
        let p = &mut self.procs[i];
        if let Some(old) = p.cur.replace(g) {
            p.runq.push_front(old);
        }
        p.look_at = None;
        p.clock = p.clock.max(now);
        self.placed.insert(g);
        i
    }
}

impl Scheduler for GoScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        if choices.is_empty() {
            return None;
        }
        self.reconcile(choices);
        for _ in 0..MAX_LOOKS {
            let Some((at, p, looking)) = self.earliest() else {
                // Every P idle with goroutines queued (a timer woke one): all look now.
                let now = self.now();
                for proc in self.procs.iter_mut().filter(|p| p.cur.is_none()) {
                    proc.look_at = Some(now);
                }
                continue;
            };
            if !looking {
                let g = self.procs[p].cur?;
                let alts: Vec<Choice> = choices.iter().copied().filter(|c| c.gid == g).collect();
                let i = match alts.len() {
                    0 | 1 => 0,
                    n => self.rng.below(n as u64) as usize,
                };
                return alts.get(i).copied();
            }
            self.procs[p].clock = self.procs[p].clock.max(at);
            self.procs[p].look_at = None;
            match self.find(p) {
                Some(g) => {
                    let switch = self.vary(self.costs.switch);
                    let me = &mut self.procs[p];
                    me.cur = Some(g);
                    me.clock += switch;
                    me.backed_off = false;
                }
                None if self.procs[p].look_at.is_some() => {}
                None => self.procs[p].backed_off = false,
            }
        }
        // Unreachable in practice: the first runnable goroutine moves.
        choices.first().copied()
    }

    fn observe(&mut self, choice: Choice, events: &[Event]) {
        let g = choice.gid;
        let p = self.proc_of(g);
        self.last = p;
        let mut cost = self.costs.step;
        for e in events.iter().filter(|e| e.gid == g) {
            match &e.op {
                Op::Go { .. } => cost += self.costs.go,
                // A write to the terminal (a logger writing into a buffer prints nothing).
                Op::Print { text, .. } if !text.is_empty() => cost += self.costs.print,
                _ => {}
            }
        }
        let cost = self.vary(cost);
        self.procs[p].clock += cost;
        for e in events.iter().filter(|e| e.gid == g) {
            match &e.op {
                Op::Go { child } => {
                    self.put_next(p, *child);
                    let now = self.procs[p].clock;
                    self.wakep(now);
                }
                Op::Sleep { .. } => {
                    self.sleeping.insert(g);
                }
                Op::Runtime {
                    call: "Gosched", ..
                } => {
                    self.global.push_back(g);
                    self.reschedule(p);
                }
                _ => {}
            }
        }
    }
}
