//! Limits and knobs of one machine run.
//!
//! Go programs may loop forever, spawn without bound or allocate absurd amounts; racemap runs
//! them in a bounded machine. Hitting a bound ends the run with [`Status::Limit`] and a message
//! that says which bound and how to raise it.
//!
//! [`Status::Limit`]: crate::rt::machine::Status::Limit

/// Bounds and numbering for one machine.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    /// Most scheduler steps (visible operations) in one run.
    pub max_steps: u64,
    /// Most bytecode instructions one goroutine may run inside a single step (between two
    /// visible operations): catches `for {}` loops that never touch shared state.
    pub max_instructions_per_step: u64,
    /// Most goroutines ever created (including main).
    pub max_goroutines: u32,
    /// Most heap objects (variables, allocations, backing arrays, maps, channels).
    pub max_heap_objects: u32,
    /// Most value slots across all heap objects (an `[]int` of length n costs n slots).
    pub max_heap_slots: u64,
    /// Deepest call stack of one goroutine (Go would grow to 1 GB and `fatal error: stack
    /// overflow`).
    pub max_call_depth: u32,
    /// The Go goroutine number of the first goroutine created by a `go` statement; later ones
    /// count up from it. Go numbers main 1 and its own helpers 2–4 (forcegc, bgsweep,
    /// bgscavenge), plus 5 for the finalizer goroutine once package `os` is initialized, which
    /// `fmt` does, and a race build (`go run -race`, which racemap imitates) starts one more:
    /// so the first user goroutine is 7, or 6 in a program that does not use `fmt` (checked with
    /// Go 1.19; a plain `go run` prints 6 and 5). [`Config::AUTO_GOROUTINE_ID`] (the default)
    /// picks between the two that way (8 for a test's program: `go test -race` runs the test on
    /// goroutine 7); any other value is used as is.
    pub first_goroutine_id: u64,
    /// When a goroutine in `time.Sleep` may wake: only once nothing else can move
    /// ([`WakeOrder::VirtualTime`], the stepper's default), or at any point after its sleep
    /// began ([`WakeOrder::AnyTime`], what the Go memory model allows; the explorer's).
    pub wake_order: WakeOrder,
    /// The machine keeps its wait index (`rt::machine::wait_index`: which goroutines may move,
    /// what the others wait on) once it has this many goroutines, built then from scratch;
    /// below, each step scans every goroutine instead (cheaper for a few goroutines: the
    /// index's upkeep costs every step). [`Config::WAIT_INDEX_FROM`] by default; 0 in debug
    /// builds, so that every debug test checks the index against the scan. Bookkeeping only:
    /// no choice, outcome or fingerprint depends on it.
    pub wait_index_from: usize,
    /// Built as a plain `go build` builds, without the race detector (`racemap run
    /// --no-race`): main's return waits for a panic in progress on another goroutine
    /// (`rt::machine::plain_exit`). Off by default: racemap models `go build -race`, whose
    /// `racefini` exits at main's return at once. Runs only: the explorer's footprints assume
    /// the race build's exit.
    pub plain_build: bool,
    /// The explorer's state key is taken up to renaming interchangeable goroutines
    /// (`rt::machine::symmetry`): on by default; off to judge the reduction against the
    /// plain key.
    pub symmetric_key: bool,
}

/// When a sleeping goroutine's wake-up is a move the scheduler may pick.
///
/// Go gives `time.Sleep` no ordering: any goroutine may be delayed past any sleep, so a sleeper
/// may wake before goroutines that are ready to run have run. racemap's stepper follows
/// virtual time by default (sleepers wake, earliest first, only when nobody else can move: what
/// a lightly loaded machine does), while a search for everything Go allows lets them wake at
/// any point. Both orders end in the same state after a wake-up (the virtual clock advances to
/// the wake time); they differ only in which moves are offered.
///
/// The three orders "at any time" offer the same moves but for a ticker's fire: how often it
/// may come ahead of virtual time, and whether a fire whose tick would be dropped is offered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WakeOrder {
    /// Sleepers wake only when no other goroutine can move, earliest wake time first.
    #[default]
    VirtualTime,
    /// A sleeper's wake-up is always a move (listed after the moves of virtual time); a ticker
    /// fires ahead of virtual time at most [`crate::rt::timer::MAX_EARLY_TICKS`] times per run
    /// (the bound that keeps a stateless search finite: DPOR's and the samplers').
    AnyTime,
    /// [`WakeOrder::AnyTime`] without the bound on early ticks: replays of schedules, the
    /// stateful search of a program that can show the clock (its visited set and its guard on
    /// a path's fires end it), and the explorer's brute-force tests.
    AnyTimeUnbounded,
    /// [`WakeOrder::AnyTimeUnbounded`] with the virtual clock frozen: wake-ups and fires do
    /// not raise it, so deadlines are `now + d` of one fixed `now`, a ticker re-arms one period
    /// after it, and a fire whose tick would be dropped is offered only when it is the only
    /// move. Only for a program that cannot show the clock (`Machine::clock_hidden`), whose
    /// runs then have the same outcomes as under [`WakeOrder::AnyTimeUnbounded`] while equal
    /// states stay equal whatever time passed: the stateful search's order for such programs,
    /// where it is finite without the early-tick bound.
    Timeless,
    /// [`WakeOrder::VirtualTime`] where time also passes while goroutines poll: every step
    /// that only looks ([`crate::rt::event::Event::polls`]: a `select` taking its default,
    /// `runtime.Gosched`, an atomic load, `time.Now`/`Since`, `len(ch)`, a failed `TryLock`)
    /// costs [`STEP_NS`] of virtual time, and a sleeper whose wake time the clock has passed
    /// is a move beside the others (offered first, as Go runs a goroutine its timer readied
    /// next), as in Go, where a sleep ends while other goroutines keep running. A goroutine
    /// that polls while another sleeps then sees the sleeper wake, and a loop on `time.Since`
    /// ends. Other steps take no time, so a program that does not poll runs exactly as in
    /// virtual time. The order of `racemap run` and of the page's stepping; the searches keep
    /// their own (their states must not tell apart runs by how often they polled).
    RunningClock,
}

/// Virtual nanoseconds a polling step costs under [`WakeOrder::RunningClock`]: a
/// microsecond, so that a goroutine polling while another sleeps a millisecond sees it wake
/// after a thousand polls, while a timeout of 100 ms or more stays out of reach of a run's
/// step limit.
pub const STEP_NS: i64 = 1_000;

impl WakeOrder {
    /// Sleepers may wake at any point after their sleep began.
    pub fn any_time(self) -> bool {
        matches!(
            self,
            WakeOrder::AnyTime | WakeOrder::AnyTimeUnbounded | WakeOrder::Timeless
        )
    }

    /// A ticker fires ahead of virtual time at most
    /// [`crate::rt::timer::MAX_EARLY_TICKS`] times per run.
    pub fn bounds_early_ticks(self) -> bool {
        self == WakeOrder::AnyTime
    }

    /// Wake-ups and fires leave the virtual clock where it is.
    pub fn freezes_clock(self) -> bool {
        self == WakeOrder::Timeless
    }

    /// Polling steps advance the virtual clock by [`STEP_NS`].
    pub fn clock_runs(self) -> bool {
        self == WakeOrder::RunningClock
    }

    /// A goroutine parked at a channel operation that cannot complete has arrived there
    /// (blocked, in Go's sense): in a run ([`WakeOrder::RunningClock`]), where time passes.
    /// There a send on the empty buffered channel hands a parked receiver the value, and a
    /// `select` takes its default only when no case is ready. In a search a goroutine's
    /// arrival at its next operation may come after any step of another goroutine (nothing
    /// observes it but these two), even one its own last step enabled (a `go` whose goroutine
    /// sends before the spawner reaches its `select`): the value goes to the buffer and the
    /// receiver takes it, or another case ready by then, in a step of its own; and a `select`
    /// whose only ready cases are rendezvous with parked partners may also take its default
    /// (none of them has arrived yet). Every handed-over run is still searched (the send,
    /// then at once the receiver's step).
    pub fn receivers_arrived(self) -> bool {
        self == WakeOrder::RunningClock
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_steps: 100_000,
            max_instructions_per_step: 1_000_000,
            max_goroutines: 10_000,
            max_heap_objects: 1_000_000,
            max_heap_slots: 4_000_000,
            max_call_depth: 10_000,
            first_goroutine_id: Config::AUTO_GOROUTINE_ID,
            wake_order: WakeOrder::VirtualTime,
            wait_index_from: if cfg!(debug_assertions) {
                0
            } else {
                Config::WAIT_INDEX_FROM
            },
            plain_build: false,
            symmetric_key: true,
        }
    }
}

impl Config {
    /// [`Config::first_goroutine_id`] value meaning "7 if the program links package `os` (calls into `os`, `fmt` or `log`), else 6".
    pub const AUTO_GOROUTINE_ID: u64 = 0;

    /// The default [`Config::wait_index_from`] of release builds (measured: below it, the
    /// index's upkeep costs more than the scans it saves).
    pub const WAIT_INDEX_FROM: usize = 64;
}

/// Which bound a run hit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LimitHit {
    /// [`Config::max_steps`].
    Steps(u64),
    /// [`Config::max_instructions_per_step`].
    InstructionsPerStep(u64),
    /// [`Config::max_goroutines`].
    Goroutines(u32),
    /// [`Config::max_heap_objects`].
    HeapObjects(u32),
    /// [`Config::max_heap_slots`]; `requested` is the size of the allocation that failed.
    HeapSlots {
        /// The configured bound.
        limit: u64,
        /// Slots the failing allocation asked for.
        requested: u64,
    },
}

impl LimitHit {
    /// A one-line explanation, e.g. `racemap: step limit of 100000 reached (the program may loop
    /// forever); raise it with --max-steps`.
    pub fn message(&self) -> String {
        match self {
            LimitHit::Steps(n) => format!(
                "racemap: step limit of {n} reached (the program may loop forever); raise it with --max-steps"
            ),
            LimitHit::InstructionsPerStep(n) => format!(
                "racemap: a goroutine ran {n} instructions without a visible operation (an endless loop such as `for {{}}`?); raise it with --max-instructions"
            ),
            LimitHit::Goroutines(n) => format!(
                "racemap: goroutine limit of {n} reached (a goroutine bomb?); raise it with --max-goroutines"
            ),
            LimitHit::HeapObjects(n) => format!(
                "racemap: heap limit of {n} objects reached; raise it with --max-heap-objects"
            ),
            LimitHit::HeapSlots { limit, requested } => format!(
                "racemap: allocation of {requested} values exceeds the heap limit of {limit} values; raise it with --max-heap-slots"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_messages() {
        let c = Config::default();
        assert_eq!(c.max_steps, 100_000);
        assert_eq!(
            LimitHit::Steps(c.max_steps).message(),
            "racemap: step limit of 100000 reached (the program may loop forever); raise it with --max-steps"
        );
        assert!(LimitHit::HeapSlots {
            limit: 10,
            requested: 1 << 40
        }
        .message()
        .contains("1099511627776"));
    }
}
