//! What a goroutine may still do: for every point of the code, the kinds of shared operation
//! ([`Classes`]) that some path from it may reach, callees, spawned goroutines and deferred
//! calls included. The explorer's persistent sets (`target::persistent`) use it to see that a
//! goroutine's next step commutes with everything every other goroutine can still do.
//!
//! Algorithm: a flow-insensitive-across-calls, flow-sensitive-within-a-function backward
//! may-analysis over the bytecode's control-flow graph (`future[pc] = own[pc] ∪ future[succ]`
//! for each successor), to a fixpoint over the call graph (a call's own classes are its
//! callee's summary, `future[0]`; recursion converges because the lattice is a finite bitset and
//! the equations are monotone; `worklist` schedules the functions). A call through a function value (`CallValue`, `go`, `defer` of
//! a value, a library function that calls back) may reach any function
//! that can become a value ([`Futures::value_callees`]): every closure, method value and
//! method of the program, every function compiled from Go's sources (the runtime makes
//! values of those, e.g. a context's cancel function), and the library's methods. `main.main` and `main.init` only run
//! as the main goroutine's frames, so no call reaches them. An interface method call
//! (`CallIface`) of method `M` reaches only methods named `M` (`rt::interp::dispatch`: a
//! declared method of the program's method sets, which hold the library's method wrappers and
//! promoted methods too, a `sync`/`atomic` type's library method, an embedded interface's
//! dynamic `M`, a library error's local method): [`IfaceTargets`]. When every one of them is a
//! blocking lock acquisition (a `sync.Locker`'s `Lock` in `sync.(*Cond).Wait`), the call is a
//! lock barrier like a direct `mu.Lock()`.
//!
//! The classes over-approximate what a step's footprint (`target::footprint`) can touch: a
//! plain memory access, a map access, a channel operation, a sync object, output, a spawn, the
//! virtual clock (a sleep, a timer: arming one also starts its runtime goroutine, which the
//! arming call's classes hold as a `go` statement's hold its goroutine's), or
//! [`Classes::TOP`] for what the analysis does not know (the scheduler, a log, …).
//! Ending the run (a panic, main's return) is not a class: the caller reasons about it.

mod dones;
mod worklist;

use super::{FuncId, Instr, Program, StrId};
use crate::library::{AtomicOpKind, LibFunc, LibType, Owner, Visibility};
use crate::types::{SyncKind, TypeId, TypeKind, TypeTable};

/// A set of kinds of shared operation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Classes(u32);

impl Classes {
    /// Nothing shared.
    pub const NONE: Classes = Classes(0);
    /// A read of heap memory (a variable, a field, a slice element), not through a sync object.
    pub const MEM_READ: Classes = Classes(1);
    /// A write of heap memory.
    pub const MEM_WRITE: Classes = Classes(1 << 1);
    /// A map read (lookup, `len`, iteration).
    pub const MAP_READ: Classes = Classes(1 << 2);
    /// A map write (assignment, `delete`, `clear`).
    pub const MAP_WRITE: Classes = Classes(1 << 3);
    /// A channel operation (send, receive, close, select, arriving at one).
    pub const CHAN: Classes = Classes(1 << 4);
    /// An operation on a sync object (mutex, WaitGroup, atomic, `sync.Map`, …).
    pub const SYNC: Classes = Classes(1 << 5);
    /// Program output.
    pub const OUTPUT: Classes = Classes(1 << 6);
    /// Creating a goroutine (Go numbers them in creation order).
    pub const SPAWN: Classes = Classes(1 << 7);
    /// Unknown: conflicts with everything.
    pub const TOP: Classes = Classes(1 << 8);
    /// An atomic access of heap memory (`sync/atomic`'s functions and types, a library
    /// function's lock-free word), which races with plain accesses of that memory. Always
    /// with [`Classes::SYNC`], so it adds no conflict between two futures; the race
    /// detector's canonical form asks for it (`race::Detector::hash_canonical`).
    pub const ATOMIC_MEM: Classes = Classes(1 << 9);
    /// Closing a channel (`close`, a context's cancel closing its `Done` channel), which races
    /// with sends of that channel (Go's race detector makes a send a read of the channel and
    /// a close a write). Always with [`Classes::CHAN`], so it adds no conflict between two
    /// futures; the race detector's canonical form asks for it: a send's read stays live only
    /// while some goroutine may still close a channel.
    pub const CHAN_CLOSE: Classes = Classes(1 << 10);
    /// Allocating a heap cell that holds a `sync.Mutex` or `sync.RWMutex` (a lock no one has
    /// released yet). Conflicts with nothing; the race detector's canonical form asks for it:
    /// its lock-guarded liveness (`race::canonical`) needs every lock that may ever be taken
    /// to exist already.
    pub const LOCK_NEW: Classes = Classes(1 << 11);
    /// Allocating a cell that may hold a `sync.WaitGroup` (like [`Classes::LOCK_NEW`]: conflicts
    /// with nothing; the canonical form's wait-guarded liveness needs every WaitGroup that may
    /// ever be waited on to exist already).
    pub const WAIT_NEW: Classes = Classes(1 << 12);
    /// A call that may lower a WaitGroup's counter (`Add`, whose delta may be negative, and
    /// `Done`). Always with [`Classes::SYNC`]; conflicts with nothing more. Wait-guarded liveness
    /// needs that no goroutine may lower a counter but through the deferred `Done`s already
    /// registered.
    pub const WG_DEC: Classes = Classes(1 << 13);
    /// A plain (non-atomic) access of heap memory: every operation with [`Classes::MEM_READ`]
    /// or [`Classes::MEM_WRITE`] but `sync/atomic`'s functions on integer variables (whose
    /// footprint is the variable's plain cell). Adds no conflict between two futures; an atomic
    /// access races only with these (`race::Detector::hash_canonical`), and the explorer's
    /// commuting atomics (`target::atomic_commute`) need none in the others' futures.
    pub const PLAIN_MEM: Classes = Classes(1 << 14);
    /// A `sync/atomic` operation other than an add whose result the program discards (a
    /// load, store, swap or compare-and-swap, an add whose result is used, any atomic method
    /// called through a value): its outcome depends on the order of the adds to its variable.
    /// Always with [`Classes::ATOMIC_MEM`]; adds no conflict between two futures
    /// (`target::atomic_commute`).
    pub const ATOMIC_OBSERVE: Classes = Classes(1 << 15);
    /// A `WaitGroup.Wait` (its first step reads the counter: it returns at zero, else
    /// registers as a waiter). Always with [`Classes::SYNC`]; conflicts with nothing more. A
    /// `Done` goes alone only while no goroutine may still start a `Wait`
    /// (`target::wait_group_steps`).
    pub const WG_WAIT: Classes = Classes(1 << 16);
    /// A `select` with a default case (`Resource::ChanPoll`, which no library call makes):
    /// whether it takes a case depends on which partners have arrived at its channels. Always with
    /// [`Classes::CHAN`], so it adds no conflict between two futures; a goroutine arriving
    /// at a channel operation conflicts only with these (`target::chan_reach`).
    pub const CHAN_POLL: Classes = Classes(1 << 17);
    /// The virtual clock and the scheduler's idleness: a sleep's start and its wake-up,
    /// arming, stopping, resetting and firing a runtime timer (`rt::timer`), reading the time
    /// (`Resource::ClockRaise`, `Resource::ClockRead`, `Resource::Idle`). Conflicts only with
    /// itself: a step that touches neither the clock nor the idleness commutes with these
    /// (in virtual time order a wake-up waits until no goroutine can move, so it never comes
    /// before a step that can; in any-time order it only raises the clock).
    pub const CLOCK: Classes = Classes(1 << 18);

    /// Both sets.
    pub const fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// The classes of `self` that are not in `other`.
    pub fn without(self, other: Classes) -> Classes {
        Classes(self.0 & !other.0)
    }

    /// Every class of `other` is in `self`.
    pub fn contains(self, other: Classes) -> bool {
        self.0 & other.0 == other.0
    }

    /// Some class of `other` is in `self`.
    pub fn any(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }

    /// An operation of `self` and one of `other` may touch a common resource, one of them
    /// writing it (memory and maps: read–write and write–write; the other classes: any two).
    pub fn conflicts_with(self, other: Classes) -> bool {
        if self.any(Classes::TOP) || other.any(Classes::TOP) {
            return !(self == Classes::NONE || other == Classes::NONE);
        }
        let rw = |read: Classes, write: Classes| {
            (self.any(read) && other.any(write))
                || (self.any(write) && other.any(read.union(write)))
        };
        let shared = Classes(self.0 & other.0);
        rw(Classes::MEM_READ, Classes::MEM_WRITE)
            || rw(Classes::MAP_READ, Classes::MAP_WRITE)
            || shared.any(
                Classes::CHAN
                    .union(Classes::SYNC)
                    .union(Classes::OUTPUT)
                    .union(Classes::SPAWN)
                    .union(Classes::CLOCK),
            )
    }
}

/// Where a path's future stops: [`Barrier::None`] follows every path to its end; the others
/// stop at a call that takes a lock (the path's later operations happen after the lock's
/// acquire: `race::canonical`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Barrier {
    /// Every path to its end.
    None,
    /// Up to a direct call of `sync.(*Mutex).Lock`, `sync.(*RWMutex).Lock` or
    /// `sync.(*RWMutex).RLock` (included: its own class is [`Classes::SYNC`]).
    AnyLock,
    /// Up to a direct call of `sync.(*Mutex).Lock` or `sync.(*RWMutex).Lock`.
    ExclusiveLock,
    /// Up to a direct call of `sync.(*WaitGroup).Wait` (it returns only when the counter is
    /// zero, then acquires the WaitGroup's release clock).
    Wait,
}

impl Barrier {
    /// `instr` always takes a lock of this barrier's kind before the path goes on (a call that
    /// blocks until it holds it; `TryLock` may fail). An interface method call stops when its
    /// name is one of `iface_locks` ([`IfaceTargets::stops`]: every method it may dispatch to
    /// is such a call).
    fn stops_at(self, instr: &Instr, iface_locks: &[StrId]) -> bool {
        match instr {
            Instr::CallLib { func, .. } => self.stops_at_lib(*func),
            Instr::CallIface { name, .. } => iface_locks.contains(name),
            _ => false,
        }
    }

    /// A call of library function `func` always takes a lock of this barrier's kind before
    /// the path goes on.
    fn stops_at_lib(self, func: LibFunc) -> bool {
        match self {
            Barrier::None => false,
            Barrier::AnyLock => matches!(
                func,
                LibFunc::MutexLock | LibFunc::RwMutexLock | LibFunc::RwMutexRLock
            ),
            Barrier::ExclusiveLock => matches!(func, LibFunc::MutexLock | LibFunc::RwMutexLock),
            Barrier::Wait => matches!(func, LibFunc::WaitGroupWait),
        }
    }
}

/// The methods an interface method call of each name may run (see the module docs): for
/// every method name of the program's `CallIface`s, in name order.
#[derive(Clone, Debug, PartialEq)]
struct IfaceTargets {
    /// `(name, the program's methods of that name, the library's)`.
    names: Vec<(StrId, Vec<FuncId>, Vec<LibFunc>)>,
}

impl IfaceTargets {
    /// The targets of every `CallIface` of `program`. A library method counts when an
    /// interface can reach it ([`reachable_library_method`]).
    fn of(program: &Program) -> IfaceTargets {
        let boxed = boxed_library_types(program);
        let mut ids: Vec<StrId> = program
            .funcs
            .iter()
            .flat_map(|f| f.code.iter())
            .filter_map(|i| match i {
                Instr::CallIface { name, .. } => Some(*name),
                _ => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        let names = ids
            .into_iter()
            .map(|id| {
                let name = program.string(id).to_lossy();
                let funcs = program
                    .methods
                    .iter()
                    .filter(|((_, m), _)| *m == name)
                    .map(|(_, m)| m.func)
                    .collect();
                let lib = LibFunc::ALL
                    .iter()
                    .copied()
                    .filter(|f| {
                        f.is_method()
                            && f.spec().name == name
                            && reachable_library_method(*f, &boxed)
                    })
                    .collect();
                (id, funcs, lib)
            })
            .collect();
        IfaceTargets { names }
    }

    /// The names whose calls stop at `barrier`: no method of the program has that name, nor a
    /// library error, and every library method of that name (reachable or not) is one a direct
    /// call of which stops at `barrier` (at least one).
    fn stops(&self, program: &Program, barrier: Barrier) -> Vec<StrId> {
        if barrier == Barrier::None {
            return Vec::new();
        }
        self.names
            .iter()
            .filter(|(id, funcs, _)| {
                let name = program.string(*id).to_lossy();
                let lib: Vec<LibFunc> = LibFunc::ALL
                    .iter()
                    .copied()
                    .filter(|f| f.is_method() && f.spec().name == name)
                    .collect();
                funcs.is_empty()
                    && !LIB_ERROR_METHODS.contains(&&*name)
                    && !lib.is_empty()
                    && lib.iter().all(|f| barrier.stops_at_lib(*f))
            })
            .map(|(id, _, _)| *id)
            .collect()
    }
}

/// The methods of the library's and the runtime's error values (`rt::interp::dispatch`'s
/// `LibErrorMethod`): local computation, never a lock.
const LIB_ERROR_METHODS: [&str; 5] = ["Error", "Unwrap", "RuntimeError", "Timeout", "Temporary"];

/// One analysis of every point of a program's code, up to a [`Barrier`].
#[derive(Clone, Debug, PartialEq)]
struct Table {
    /// `at[f][pc]`: what function `f` may do from instruction `pc` on, callees included
    /// (`pc == code.len()` is past the end: nothing).
    at: Vec<Box<[Classes]>>,
    /// What calls the analysis cannot resolve may do.
    callees: Callees,
    /// `returns[f][pc]`: some path of function `f` from instruction `pc` on returns, falls off
    /// the end or panics before it stops at the barrier (a call counts as returning; always
    /// true without a barrier). False: every way out of the frame passes a lock of the
    /// barrier's kind first, so its callers' code runs only after it ([`Futures::returns_before`]).
    returns: Vec<Box<[bool]>>,
}

/// The future of every point of a program's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Futures {
    /// Every path to its end.
    full: Table,
    /// Up to a lock ([`Barrier::AnyLock`]); `None` when no instruction of the program takes
    /// one: the analysis is then `full`'s (nothing stops a path).
    any_lock: Option<Table>,
    /// Up to an exclusive lock ([`Barrier::ExclusiveLock`]); `None` as `any_lock`.
    exclusive_lock: Option<Table>,
    /// Up to a WaitGroup's `Wait` ([`Barrier::Wait`]); `None` as `any_lock`.
    wait: Option<Table>,
    /// Every mutex and RWMutex unlock is paired with its own lock (`mutex_pairing`).
    unlocks_paired: bool,
    /// Some code of the program (Go's compiled sources included) calls `recover`: a panic may
    /// then end in a frame that returns to its caller.
    recovers: bool,
    /// How many times each point may still lower a WaitGroup's counter (`dones`).
    dones: dones::Dones,
    /// The live local slots of every point (`liveness`): `target::chan_reach` leaves a dead
    /// slot out of a goroutine's roots.
    liveness: super::liveness::Liveness,
}

/// What calls through values may do, by what they can reach.
#[derive(Clone, Debug, Default, PartialEq)]
struct Callees {
    /// A call through a function value: every function that can become a value, and the
    /// library's methods.
    values: Classes,
    /// An interface method call, by method name ([`IfaceTargets`], same order); a name not
    /// here may do [`Callees::values`].
    iface: Vec<(StrId, Classes)>,
    /// `fmt` calling an operand's `String`, `Error`, `Format` or `GoString` method.
    printing: Classes,
    /// `errors` calling an error's `Error`, `Is`, `As` or `Unwrap` method.
    errors: Classes,
    /// No value the program makes an interface of reaches memory or a map ([`prints_memory`]):
    /// `fmt`'s printing reads none.
    prints_plain: bool,
}

impl Callees {
    /// What an interface method call of `name` may do.
    fn iface(&self, name: StrId) -> Classes {
        match self.iface.binary_search_by_key(&name, |(id, _)| *id) {
            Ok(i) => self.iface[i].1,
            Err(_) => self.values,
        }
    }
}

impl Futures {
    /// The analysis of `program` (see the module docs).
    pub fn of(program: &Program) -> Futures {
        let new_sync = allocates_sync(program);
        let worklist = worklist::Worklist::of(program);
        let targets = IfaceTargets::of(program);
        let full = Table::of(program, Barrier::None, &new_sync, &worklist, &targets);
        // A barrier no instruction stops at leaves the analysis as it is without one.
        let until = |barrier: Barrier| {
            let iface_locks = targets.stops(program, barrier);
            program
                .funcs
                .iter()
                .any(|f| f.code.iter().any(|i| barrier.stops_at(i, &iface_locks)))
                .then(|| Table::of(program, barrier, &new_sync, &worklist, &targets))
        };
        Futures {
            dones: dones::Dones::of(program, &full, &worklist),
            any_lock: until(Barrier::AnyLock),
            exclusive_lock: until(Barrier::ExclusiveLock),
            wait: until(Barrier::Wait),
            full,
            unlocks_paired: super::mutex_pairing::all_unlocks_paired(program),
            recovers: program
                .funcs
                .iter()
                .any(|f| f.code.iter().any(|i| matches!(i, Instr::Recover))),
            liveness: super::liveness::Liveness::of(program),
        }
    }

    /// The live local slots of every point of the program.
    pub fn liveness(&self) -> &super::liveness::Liveness {
        &self.liveness
    }

    /// The analysis up to `barrier`.
    fn table(&self, barrier: Barrier) -> &Table {
        match barrier {
            Barrier::None => &self.full,
            Barrier::AnyLock => self.any_lock.as_ref().unwrap_or(&self.full),
            Barrier::ExclusiveLock => self.exclusive_lock.as_ref().unwrap_or(&self.full),
            Barrier::Wait => self.wait.as_ref().unwrap_or(&self.full),
        }
    }

    /// No instruction of the program stops at `barrier`: the analysis up to it is the whole
    /// one.
    pub fn stops_nowhere(&self, barrier: Barrier) -> bool {
        match barrier {
            Barrier::None => true,
            Barrier::AnyLock => self.any_lock.is_none(),
            Barrier::ExclusiveLock => self.exclusive_lock.is_none(),
            Barrier::Wait => self.wait.is_none(),
        }
    }

    /// What function `func` may do from instruction `pc` on (TOP for a point outside the code).
    pub fn at(&self, func: FuncId, pc: u32) -> Classes {
        self.at_until(Barrier::None, func, pc)
    }

    /// What function `func` may do from instruction `pc` on before a `barrier` lock (TOP for a
    /// point outside the code).
    pub fn at_until(&self, barrier: Barrier, func: FuncId, pc: u32) -> Classes {
        self.table(barrier)
            .at
            .get(func.0 as usize)
            .and_then(|f| f.get(pc as usize))
            .copied()
            .unwrap_or(Classes::TOP)
    }

    /// A frame of `func` at `pc` may hand control back to its caller before it takes a
    /// `barrier` lock: some path returns or panics first, or a panic may end in a `recover`
    /// (anywhere in the program: a deferred call's frame then returns normally). When false,
    /// the code its callers run after it comes after the lock; only their deferred calls may
    /// run before it (a panic unwinding to the end of the run). True for a point outside the
    /// code and without a barrier.
    pub fn returns_before(&self, barrier: Barrier, func: FuncId, pc: u32) -> bool {
        if barrier == Barrier::None || self.recovers || self.stops_nowhere(barrier) {
            return true;
        }
        self.table(barrier)
            .returns
            .get(func.0 as usize)
            .and_then(|f| f.get(pc as usize))
            .copied()
            .unwrap_or(true)
    }

    /// Function `func` from instruction `pc` on lowers a WaitGroup's counter at most once on
    /// every path, and only by a `wg.Done()`: every [`Classes::WG_DEC`] of [`Futures::at`] is
    /// that call (`dones`).
    pub fn at_most_one_done(&self, func: FuncId, pc: u32) -> bool {
        self.dones.at(func, pc) < dones::Dones::MANY
    }

    /// What a call of `func` may do.
    pub fn summary(&self, func: FuncId) -> Classes {
        self.at(func, 0)
    }

    /// What a call of `func` may do before a `barrier` lock.
    pub fn summary_until(&self, barrier: Barrier, func: FuncId) -> Classes {
        self.at_until(barrier, func, 0)
    }

    /// What a call through a function value may do.
    pub fn value_callees(&self) -> Classes {
        self.full.callees.values
    }

    /// What a call through a function value may do before a `barrier` lock.
    pub fn value_callees_until(&self, barrier: Barrier) -> Classes {
        self.table(barrier).callees.values
    }

    /// Every mutex and RWMutex unlock of the program is paired with its own lock: a lock is
    /// released only by the goroutine whose call took it (`mutex_pairing`).
    pub fn unlocks_paired(&self) -> bool {
        self.unlocks_paired
    }

    /// What a call of library function `func` may do, its callbacks included.
    pub fn library(&self, func: LibFunc) -> Classes {
        lib_classes(func, &self.full.callees, false)
    }

    /// What a call of library function `func` may do before a `barrier` lock (a lock it takes
    /// itself does not count), its callbacks included.
    pub fn library_until(&self, barrier: Barrier, func: LibFunc) -> Classes {
        lib_classes(func, &self.table(barrier).callees, false)
    }

    /// [`Futures::library_until`] for a call whose result the program discards (a deferred
    /// call, a call statement): an atomic add then has no [`Classes::ATOMIC_OBSERVE`].
    pub fn library_discarded_until(&self, barrier: Barrier, func: LibFunc) -> Classes {
        lib_classes(func, &self.table(barrier).callees, true)
    }
}

impl Table {
    /// The analysis of `program` up to `barrier`; `new_sync[f]`: what function `f`'s
    /// allocations may create ([`allocates_sync`]).
    /// `worklist` is the schedule of its fixpoint ([`worklist::Worklist::of`] of `program`);
    /// `targets`: what its interface method calls reach ([`IfaceTargets::of`] of `program`).
    fn of(
        program: &Program,
        barrier: Barrier,
        new_sync: &[Classes],
        worklist: &worklist::Worklist,
        targets: &IfaceTargets,
    ) -> Table {
        let iface_locks = targets.stops(program, barrier);
        let at: Vec<Box<[Classes]>> = program
            .funcs
            .iter()
            .map(|f| vec![Classes::NONE; f.code.len() + 1].into_boxed_slice())
            .collect();
        let valued = value_functions(program);
        let named = |names: &[&str]| -> Vec<FuncId> {
            program
                .methods
                .iter()
                .filter(|((_, name), _)| names.contains(&name.as_str()))
                .map(|(_, m)| m.func)
                .collect()
        };
        let printing = named(&["String", "Error", "Format", "GoString"]);
        let errors = named(&["Error", "Is", "As", "Unwrap"]);
        let prints_plain = !prints_memory(program);
        let callees = Callees {
            prints_plain,
            ..Callees::default()
        };
        let library = library_methods(program);
        let callees = std::cell::RefCell::new(callees);
        let at = std::cell::RefCell::new(at);
        worklist.solve(
            |f, looped| {
                let func = &program.funcs[f];
                let callees = callees.borrow();
                let mut at = at.borrow_mut();
                let entry = at[f][0];
                // Backward over the code until stable (loops need more than one pass).
                loop {
                    let mut inner = false;
                    for pc in (0..func.code.len()).rev() {
                        let instr = &func.code[pc];
                        let next = func.code.get(pc + 1);
                        let own = own_classes(program, instr, next, &at, &callees);
                        let own = match instr {
                            Instr::Rebox => own.union(
                                new_sync
                                    .get(f)
                                    .copied()
                                    .unwrap_or(Classes::LOCK_NEW.union(Classes::WAIT_NEW)),
                            ),
                            _ => own,
                        };
                        let mut c = own;
                        let stops = barrier.stops_at(instr, &iface_locks);
                        if stops {
                            // The lock is taken before the path goes on.
                        } else if falls_through(instr) {
                            c = c.union(at[f][pc + 1]);
                        }
                        if let Some(t) = jump_target(instr).filter(|_| !stops) {
                            c = c.union(at[f].get(t as usize).copied().unwrap_or(Classes::TOP));
                        }
                        if c != at[f][pc] {
                            at[f][pc] = c;
                            inner = true;
                        }
                    }
                    if !inner || !looped {
                        break;
                    }
                }
                at[f][0] != entry
            },
            || {
                let at = at.borrow();
                let summaries = |funcs: &[FuncId], start: Classes| {
                    funcs
                        .iter()
                        .fold(start, |c, f| c.union(at[f.0 as usize][0]))
                };
                let iface = {
                    // A library method's callbacks by the summaries so far (the fixpoint
                    // goes on while they change).
                    let so_far = callees.borrow();
                    targets
                        .names
                        .iter()
                        .map(|(id, funcs, lib)| {
                            let own = lib.iter().fold(Classes::NONE, |c, f| {
                                c.union(lib_classes(*f, &so_far, false))
                            });
                            (*id, summaries(funcs, own))
                        })
                        .collect()
                };
                let next = Callees {
                    values: summaries(&valued, library),
                    iface,
                    printing: summaries(&printing, Classes::NONE),
                    errors: summaries(&errors, Classes::NONE),
                    prints_plain,
                };
                let mut callees = callees.borrow_mut();
                let changed = next != *callees;
                *callees = next;
                changed
            },
        );
        let returns = program
            .funcs
            .iter()
            .map(|f| returns_before(&f.code, barrier, &iface_locks))
            .collect();
        Table {
            at: at.into_inner(),
            callees: callees.into_inner(),
            returns,
        }
    }
}

/// Per point of `code` (and past its end): some path from it returns, falls off the end or
/// panics before it stops at `barrier` (`Table::returns`). A backward may-analysis to a
/// fixpoint; a call is taken to return.
fn returns_before(code: &[Instr], barrier: Barrier, iface_locks: &[StrId]) -> Box<[bool]> {
    let mut returns = vec![false; code.len() + 1];
    returns[code.len()] = true;
    if barrier == Barrier::None {
        return vec![true; code.len() + 1].into_boxed_slice();
    }
    loop {
        let mut changed = false;
        for pc in (0..code.len()).rev() {
            let instr = &code[pc];
            let r = if barrier.stops_at(instr, iface_locks) {
                false
            } else {
                matches!(instr, Instr::Return | Instr::Panic)
                    || falls_through(instr) && returns[pc + 1]
                    || jump_target(instr)
                        .is_some_and(|t| returns.get(t as usize).copied().unwrap_or(true))
            };
            if r != returns[pc] {
                returns[pc] = r;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    returns.into_boxed_slice()
}

/// What the library's methods that an interface can reach may do: those of the `sync` and
/// `atomic` types (`sync.Locker`'s `Lock` on a `*sync.Mutex`; the interpreter's `dispatch`),
/// and those of the library's other types the program makes an interface value of (a
/// `*time.Timer` as an interface with `Stop() bool`), but not those of tests (the static
/// future never applies to a test). A library error's methods are local computation. (A
/// `Reset` may start an `AfterFunc`'s function again: any function value, which the callees of
/// a call through a value hold already.)
fn library_methods(program: &Program) -> Classes {
    let boxed = boxed_library_types(program);
    LibFunc::ALL
        .iter()
        .filter(|f| reachable_library_method(**f, &boxed))
        .fold(Classes::NONE, |c, f| {
            c.union(lib_classes(*f, &Callees::default(), false))
        })
}

/// Library method `f` is one an interface can reach ([`library_methods`]); `boxed`: the
/// program's [`boxed_library_types`].
fn reachable_library_method(f: LibFunc, boxed: &[(&'static str, &'static str)]) -> bool {
    let spec = f.spec();
    let reachable = match spec.owner {
        Owner::Sync(_) => true,
        Owner::Struct(path, name) => boxed.contains(&(path, name)),
        _ => false,
    };
    reachable && !matches!(spec.visibility, Visibility::Log | Visibility::Scheduler)
}

/// The library's named types (package path, name) of `Owner::Struct` methods that the
/// program makes interface values of (`ToIface` of the type or a pointer to it).
fn boxed_library_types(program: &Program) -> Vec<(&'static str, &'static str)> {
    let types = &program.types;
    let named = |t: TypeId| match types.kind(t) {
        TypeKind::Named { name, pkg, .. } => Some((pkg.as_str(), name.as_str())),
        _ => None,
    };
    let mut boxed = Vec::new();
    for f in &program.funcs {
        for i in &f.code {
            let Instr::ToIface(t) = i else { continue };
            let t = match types.kind(*t) {
                TypeKind::Pointer(inner) => *inner,
                _ => *t,
            };
            let Some((pkg, name)) = named(t) else {
                continue;
            };
            for f in LibFunc::ALL {
                if let Owner::Struct(path, type_name) = f.spec().owner {
                    let same =
                        type_name == name && (path == pkg || path.rsplit('/').next() == Some(pkg));
                    if same && !boxed.contains(&(path, type_name)) {
                        boxed.push((path, type_name));
                    }
                }
            }
        }
    }
    boxed
}

/// The functions a function value may hold (see the module docs).
fn value_functions(program: &Program) -> Vec<FuncId> {
    let mut valued = vec![false; program.funcs.len()];
    let mut mark = |f: FuncId| {
        if let Some(v) = valued.get_mut(f.0 as usize) {
            *v = true;
        }
    };
    for func in &program.funcs {
        for instr in &func.code {
            match instr {
                Instr::MakeClosure { func, .. }
                | Instr::MethodValue(func)
                | Instr::IfaceMethodValue { thunk: func } => mark(*func),
                _ => {}
            }
        }
    }
    for m in program.methods.values() {
        mark(m.func);
    }
    for (i, func) in program.funcs.iter().enumerate() {
        if !func.name.starts_with("main.") {
            mark(FuncId(i as u32));
        }
    }
    valued
        .iter()
        .enumerate()
        .filter(|(i, v)| **v && *i != program.main.0 as usize && *i != program.init.0 as usize)
        .map(|(i, _)| FuncId(i as u32))
        .collect()
}

fn falls_through(instr: &Instr) -> bool {
    !matches!(instr, Instr::Jump(_) | Instr::Return | Instr::Panic)
}

fn jump_target(instr: &Instr) -> Option<u32> {
    match instr {
        Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) => Some(*t),
        _ => None,
    }
}

/// A value of type `ty` holds a sync object of a kind `kind` accepts in place (a field, an
/// array element; not behind a pointer, slice, map, channel or interface). Too deep: yes.
fn holds_sync(types: &TypeTable, ty: TypeId, kind: fn(&SyncKind) -> bool, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    match types.under(ty) {
        TypeKind::Sync(k) => kind(k),
        TypeKind::Struct(fields) => fields
            .iter()
            .any(|f| holds_sync(types, f.ty, kind, depth + 1)),
        TypeKind::Array(_, e) => holds_sync(types, *e, kind, depth + 1),
        _ => false,
    }
}

/// A value of type `ty` printed by `fmt` may make it read memory or a map: it is or holds in
/// place a pointer, slice, map or sync object. (An interface holds a value some `ToIface`
/// made: that one is checked.) Too deep: yes.
fn reaches_memory(types: &TypeTable, ty: TypeId, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    match types.under(ty) {
        TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Sync(_) => true,
        TypeKind::Struct(fields) => fields
            .iter()
            .any(|f| reaches_memory(types, f.ty, depth + 1)),
        TypeKind::Array(_, e) => reaches_memory(types, *e, depth + 1),
        TypeKind::Tuple(ts) => ts.iter().any(|t| reaches_memory(types, *t, depth + 1)),
        TypeKind::Named { .. } => true,
        TypeKind::Basic(_) | TypeKind::Chan(..) | TypeKind::Func(_) | TypeKind::Interface(_) => {
            false
        }
    }
}

/// Some interface value the program makes (`ToIface`) may hold a value [`reaches_memory`]:
/// then `fmt`'s printing may read memory and maps. (The library's and the runtime's error
/// values are cells of their own that the program never writes.)
fn prints_memory(program: &Program) -> bool {
    program.funcs.iter().any(|f| {
        f.code
            .iter()
            .any(|i| matches!(i, Instr::ToIface(t) if reaches_memory(&program.types, *t, 0)))
    })
}

/// What the heap cells the instruction allocates may hold: [`Classes::LOCK_NEW`] for a
/// `sync.Mutex` or `sync.RWMutex`, [`Classes::WAIT_NEW`] for a `sync.WaitGroup` (by its type;
/// a `Rebox` has none: see [`allocates_sync`]).
fn allocates_sync_cell(program: &Program, instr: &Instr) -> Classes {
    match instr {
        Instr::Alloc(ty)
        | Instr::Box(ty)
        | Instr::MakeSlice { elem: ty }
        | Instr::SliceLit { elem: ty, .. }
        | Instr::Append { elem: ty, .. }
        | Instr::AppendSlice { elem: ty } => {
            let types = &program.types;
            let lock = |k: &SyncKind| matches!(k, SyncKind::Mutex | SyncKind::RwMutex);
            let wait = |k: &SyncKind| matches!(k, SyncKind::WaitGroup);
            let mut c = Classes::NONE;
            if holds_sync(types, *ty, lock, 0) {
                c = c.union(Classes::LOCK_NEW);
            }
            if holds_sync(types, *ty, wait, 0) {
                c = c.union(Classes::WAIT_NEW);
            }
            c
        }
        _ => Classes::NONE,
    }
}

/// For each function: what the cells it allocates may hold ([`allocates_sync_cell`]). A
/// `Rebox` copies a loop variable's cell, which its function allocated (`Alloc`, `Box`) or
/// reboxed: a function none of whose allocations may hold a lock reboxes none.
fn allocates_sync(program: &Program) -> Vec<Classes> {
    program
        .funcs
        .iter()
        .map(|f| {
            f.code.iter().fold(Classes::NONE, |c, i| {
                c.union(allocates_sync_cell(program, i))
            })
        })
        .collect()
}

/// What one instruction may do itself (a direct call: its callee's summary so far); `next` is
/// the instruction after it (a `Pop` after a library call discards its result).
fn own_classes(
    program: &Program,
    instr: &Instr,
    next: Option<&Instr>,
    at: &[Box<[Classes]>],
    callees: &Callees,
) -> Classes {
    let value_callees = callees.values;
    let new_sync = allocates_sync_cell(program, instr);
    let own = match instr {
        Instr::Load => Classes::MEM_READ.union(Classes::PLAIN_MEM),
        Instr::Store => Classes::MEM_WRITE.union(Classes::PLAIN_MEM),
        Instr::MapGet { .. } | Instr::MapLen | Instr::MapIterNext { .. } => Classes::MAP_READ,
        Instr::MapSet | Instr::MapDelete | Instr::MapClear => Classes::MAP_WRITE,
        Instr::Append { .. } | Instr::AppendSlice { .. } | Instr::Copy => Classes::MEM_READ
            .union(Classes::MEM_WRITE)
            .union(Classes::PLAIN_MEM),
        Instr::Go { .. } => Classes::SPAWN.union(value_callees),
        Instr::Close => Classes::CHAN.union(Classes::CHAN_CLOSE),
        Instr::ChanLen => Classes::CHAN,
        Instr::Select(id)
            if program
                .selects
                .get(id.0 as usize)
                .is_none_or(|s| s.has_default) =>
        {
            Classes::CHAN.union(Classes::CHAN_POLL)
        }
        Instr::Send | Instr::Recv { .. } | Instr::Select(_) => Classes::CHAN,
        Instr::PrintBuiltin { .. } => Classes::OUTPUT,
        Instr::CallLib { func, .. } => {
            lib_classes(*func, callees, matches!(next, Some(Instr::Pop)))
        }
        Instr::DeferLib { func, .. } => lib_classes(*func, callees, true),
        Instr::Call { func, .. } => at
            .get(func.0 as usize)
            .and_then(|f| f.first())
            .copied()
            .unwrap_or(Classes::TOP),
        Instr::CallIface { name, .. } => callees.iface(*name),
        Instr::CallValue { .. } | Instr::Defer { .. } => value_callees,
        _ if instr.is_visible() => Classes::TOP,
        _ => Classes::NONE,
    };
    own.union(new_sync)
}

/// What a library call may do: by its row's visibility and owner, plus what it may call back:
/// `fmt` an operand's `String`/`Error`/… method, `errors` an error's methods, another function
/// with a function or interface operand (`once.Do(f)`, `strings.Map(f, s)`) any value.
/// `discarded`: the program discards the call's result (an atomic add is then not
/// [`Classes::ATOMIC_OBSERVE`]).
fn lib_classes(func: LibFunc, callees: &Callees, discarded: bool) -> Classes {
    let spec = func.spec();
    let own = match spec.visibility {
        Visibility::Local => Classes::NONE,
        // `fmt`'s printing of interface operands that hold no pointer, slice or map.
        Visibility::Output
            if callees.prints_plain
                && spec.owner == Owner::Package("fmt")
                && spec.params.iter().all(|p| {
                    matches!(
                        p,
                        LibType::Basic(_)
                            | LibType::Alias(_)
                            | LibType::Any
                            | LibType::Slice(LibType::Any)
                    )
                }) =>
        {
            Classes::OUTPUT.union(Classes::SYNC)
        }
        Visibility::Output => Classes::OUTPUT
            .union(Classes::MEM_READ)
            .union(Classes::PLAIN_MEM)
            .union(Classes::MAP_READ)
            .union(Classes::SYNC),
        Visibility::Object => match spec.owner {
            // `atomic.Int32`, `atomic.Value`, …: atomic accesses of its words.
            Owner::Sync(kind) if kind.package_path() == "sync/atomic" => {
                Classes::SYNC.union(Classes::ATOMIC_MEM)
            }
            // A sync object of its own (a `Value::Sync` in the heap); a context's functions
            // (`WithCancel`, its `CancelFunc`) touch the states of contexts, which are too.
            Owner::Sync(_) | Owner::Package("context") | Owner::Runtime("context") => Classes::SYNC,
            // A `sync.Cond`'s notify list (`SyncState::CondNotify`, `rt::cond`): `Signal`,
            // `Broadcast` and the runtime hooks of the `Wait` compiled from Go's sources touch
            // only it (Go's runtime does not instrument them for the race detector).
            _ if matches!(
                func,
                LibFunc::NotifyListAdd
                    | LibFunc::NotifyListWait
                    | LibFunc::CondSignal
                    | LibFunc::CondBroadcast
            ) =>
            {
                Classes::SYNC
            }
            // An integer used atomically.
            Owner::Package("sync/atomic") => Classes::SYNC
                .union(Classes::ATOMIC_MEM)
                .union(Classes::MEM_READ)
                .union(Classes::MEM_WRITE),
            // A struct of the library (`strings.Builder`, …).
            _ => Classes::SYNC
                .union(Classes::ATOMIC_MEM)
                .union(Classes::MEM_READ)
                .union(Classes::MEM_WRITE)
                .union(Classes::PLAIN_MEM),
        },
        // A sleep, reading the time.
        Visibility::Clock => Classes::CLOCK,
        // Arming a new timer (`time.After`, `NewTimer`, `AfterFunc`, `NewTicker`, `Tick`, a
        // context's deadline): it reads the clock and starts the timer's runtime goroutine
        // (`rt::timer`), which the caller's future holds as a `go` statement's holds its
        // goroutine's: its fire sends on the timer's channel, writes the timer's state, starts
        // `AfterFunc`'s function (a callback, below) or cancels the context (below).
        Visibility::Timer => Classes::CLOCK
            .union(Classes::SPAWN)
            .union(Classes::CHAN)
            .union(Classes::SYNC),
        Visibility::Scheduler | Visibility::Log => Classes::TOP,
    };
    // A context's functions may close its `Done` channel and its children's (a cancel, a
    // `WithCancel` of a cancelled parent), and a cancel stops the context's timer.
    let own = match spec.owner {
        Owner::Sync(SyncKind::Context) | Owner::Package("context") | Owner::Runtime("context") => {
            own.union(Classes::CHAN)
                .union(Classes::CHAN_CLOSE)
                .union(Classes::SYNC)
                .union(Classes::CLOCK)
        }
        _ => own,
    };
    // A timer's or ticker's `Stop` disarms it (its runtime goroutine ends); `Reset` arms it
    // again: a new runtime goroutine, whose fire sends on its channel or starts its
    // `AfterFunc` function again (any function value).
    let own = match func {
        LibFunc::TimerStop | LibFunc::TickerStop => own.union(Classes::CLOCK),
        LibFunc::TimerReset | LibFunc::TickerReset => own
            .union(Classes::CLOCK)
            .union(Classes::SPAWN)
            .union(Classes::CHAN)
            .union(callees.values),
        _ => own,
    };
    let atomic = match spec.owner {
        Owner::Package(path) => path == "sync/atomic",
        Owner::Sync(kind) => kind.package_path() == "sync/atomic",
        _ => false,
    };
    let own = if atomic && !(discarded && func.atomic_op() == Some(AtomicOpKind::Add)) {
        own.union(Classes::ATOMIC_OBSERVE)
    } else {
        own
    };
    let own = match func {
        LibFunc::WaitGroupAdd | LibFunc::WaitGroupDone => own.union(Classes::WG_DEC),
        LibFunc::WaitGroupWait => own.union(Classes::WG_WAIT),
        _ => own,
    };
    let back = match spec.owner {
        Owner::Package("fmt") => callees.printing,
        Owner::Package("errors") => callees.errors,
        // `sync/atomic` calls no program code (its pointer operands are the variables).
        _ if atomic => Classes::NONE,
        _ if spec.params.iter().all(plain) => Classes::NONE,
        _ => callees.values,
    };
    own.union(back)
}

/// A parameter type through which a library function cannot call the program's code.
fn plain(t: &LibType) -> bool {
    match t {
        LibType::Basic(_) | LibType::Alias(_) => true,
        LibType::Slice(e) => plain(e),
        LibType::Named("time", "Duration") => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;

    fn futures(src: &str) -> (Program, Futures) {
        let program = compile(src).expect("compiles");
        let f = Futures::of(&program);
        (program, f)
    }

    fn func(program: &Program, name: &str) -> FuncId {
        FuncId(
            program
                .funcs
                .iter()
                .position(|f| &*f.name == name)
                .expect("function") as u32,
        )
    }

    /// The worklist's schedule reaches the fixpoint the round-robin one does, on every program
    /// of the corpus and of the race corpus.
    #[test]
    fn the_worklist_reaches_the_round_robin_fixpoint() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut checked = 0;
        for dir in ["programs", "race_programs"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("corpus directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect();
            files.sort();
            for file in files {
                let Ok(program) = compile(&std::fs::read_to_string(&file).expect("reads")) else {
                    continue;
                };
                let new_sync = allocates_sync(&program);
                let targets = IfaceTargets::of(&program);
                let fast = worklist::Worklist::of(&program);
                let slow = worklist::Worklist::round_robin(&program);
                for barrier in [
                    Barrier::None,
                    Barrier::AnyLock,
                    Barrier::ExclusiveLock,
                    Barrier::Wait,
                ] {
                    let a = Table::of(&program, barrier, &new_sync, &fast, &targets);
                    let b = Table::of(&program, barrier, &new_sync, &slow, &targets);
                    assert!(a.at == b.at && a.callees == b.callees, "{}", file.display());
                    if barrier == Barrier::None {
                        let (da, db) = (
                            dones::Dones::of(&program, &a, &fast),
                            dones::Dones::of(&program, &a, &slow),
                        );
                        assert!(da == db, "{}", file.display());
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked} programs");
    }

    #[test]
    fn a_function_summary_has_what_its_callees_do() {
        let (p, f) = futures(
            "package main\nvar m = map[int]int{}\nfunc set() { m[1] = 1 }\nfunc get() int { return m[1] }\nfunc both() { set(); _ = get() }\nfunc main() { both() }\n",
        );
        assert!(f.summary(func(&p, "main.set")).contains(Classes::MAP_WRITE));
        assert!(!f.summary(func(&p, "main.get")).contains(Classes::MAP_WRITE));
        assert!(f.summary(func(&p, "main.get")).contains(Classes::MAP_READ));
        let both = f.summary(func(&p, "main.both"));
        assert!(both.contains(Classes::MAP_WRITE.union(Classes::MAP_READ)));
        assert!(!both.contains(Classes::CHAN));
    }

    #[test]
    fn the_future_after_a_point_leaves_out_what_came_before() {
        let (p, f) = futures(
            "package main\nimport \"sync\"\nfunc main() {\n\tvar mu sync.Mutex\n\tx := 0\n\tgo func() { mu.Lock(); x++; mu.Unlock() }()\n\tmu.Lock()\n\tx = 2\n\tmu.Unlock()\n}\n",
        );
        let main = func(&p, "main.main");
        let code = &p.func(main).code;
        let start = f.at(main, 0);
        assert!(start.contains(
            Classes::SPAWN
                .union(Classes::SYNC)
                .union(Classes::MEM_WRITE)
        ));
        // After the `go` statement main no longer spawns.
        let go = code
            .iter()
            .position(|i| matches!(i, Instr::Go { .. }))
            .expect("a go statement") as u32;
        assert!(!f.at(main, go + 1).contains(Classes::SPAWN));
        assert!(f.at(main, go + 1).contains(Classes::MEM_WRITE));
        // The closure can become a value: a call through a value may do what it does.
        assert!(f
            .value_callees()
            .contains(Classes::SYNC.union(Classes::MEM_WRITE)));
        assert_eq!(f.at(main, code.len() as u32), Classes::NONE);
    }

    #[test]
    fn a_loop_reaches_its_own_start_again() {
        let (p, f) = futures(
            "package main\nvar ch = make(chan int)\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tif i == 2 {\n\t\t\tch <- i\n\t\t}\n\t}\n}\n",
        );
        let main = func(&p, "main.main");
        let code = &p.func(main).code;
        let send = code
            .iter()
            .position(|i| matches!(i, Instr::Send))
            .expect("a send") as u32;
        // From just after the send, the loop comes back to it.
        assert!(f.at(main, send + 1).contains(Classes::CHAN));
    }

    /// An interface method call reaches the methods of its name only, not every function
    /// value.
    #[test]
    fn an_interface_call_reaches_the_methods_of_its_name() {
        let (p, f) = futures(
            "package main\nvar m = map[int]int{}\nvar x int\ntype A struct{}\nfunc (A) Put() { m[1] = 1 }\nfunc (A) Set() { x = 1 }\ntype P interface{ Put() }\nfunc call(p P) { p.Put() }\nfunc main() { call(A{}); A{}.Set() }\n",
        );
        let call = f.summary(func(&p, "main.call"));
        assert!(call.contains(Classes::MAP_WRITE));
        assert!(!call.any(Classes::MEM_WRITE));
        assert!(f.value_callees().contains(Classes::MEM_WRITE));
    }

    /// A `sync.Locker`'s `Lock` is a lock barrier when every `Lock` method it may reach is a
    /// mutex's or an RWMutex's (a `Lock` method of the program's may do anything).
    #[test]
    fn a_frame_that_locks_before_every_way_out_does_not_return_before_the_lock() {
        let body = "package main\nimport \"sync\"\nvar x int\nfunc take(l sync.Locker, b bool) { if b { x = 2 }; l.Lock() }\nfunc maybe(mu *sync.Mutex, b bool) { if b { mu.Lock() } }\nfunc main() { var mu sync.Mutex; take(&mu, true); maybe(&mu, true); x = 1 }\n";
        let (p, f) = futures(body);
        let take = func(&p, "main.take");
        let maybe = func(&p, "main.maybe");
        for barrier in [Barrier::AnyLock, Barrier::ExclusiveLock] {
            assert!(!f.returns_before(barrier, take, 0), "{barrier:?}");
            assert!(f.returns_before(barrier, maybe, 0), "{barrier:?}");
        }
        // Past the lock, and without a barrier, a frame returns.
        let end = p.func(take).code.len() as u32;
        assert!(f.returns_before(Barrier::AnyLock, take, end));
        assert!(f.returns_before(Barrier::None, take, 0));
        assert!(f.returns_before(Barrier::Wait, take, 0));
        // A `recover` anywhere: a panic before the lock may end in a frame that returns.
        let recovering = body.replace(
            "func main() {",
            "func safe() { defer func() { recover() }(); panic(1) }\nfunc main() { safe();",
        );
        let (p, f) = futures(&recovering);
        let take = func(&p, "main.take");
        assert!(f.returns_before(Barrier::AnyLock, take, 0));
    }

    #[test]
    fn a_cond_notify_list_is_a_sync_object_only() {
        let (p, f) = futures("package main\nimport \"sync\"\nfunc main() { var mu sync.Mutex; c := sync.NewCond(&mu); mu.Lock(); c.Wait(); c.Signal(); c.Broadcast(); mu.Unlock() }\n");
        for func in [
            LibFunc::NotifyListAdd,
            LibFunc::NotifyListWait,
            LibFunc::CondSignal,
            LibFunc::CondBroadcast,
        ] {
            assert_eq!(f.library(func), Classes::SYNC, "{func:?}");
        }
        let _ = p;
    }

    #[test]
    fn a_locker_lock_is_a_barrier_unless_the_program_has_a_lock_method() {
        let body = "package main\nimport \"sync\"\nvar x int\nfunc take(l sync.Locker) { l.Lock(); x = 1; l.Unlock() }\nfunc main() { var mu sync.Mutex; take(&mu) }\n";
        let (p, f) = futures(body);
        let take = func(&p, "main.take");
        let lock = p
            .func(take)
            .code
            .iter()
            .position(|i| matches!(i, Instr::CallIface { .. }))
            .expect("an interface call") as u32;
        assert!(f.at(take, lock).contains(Classes::MEM_WRITE));
        for barrier in [Barrier::AnyLock, Barrier::ExclusiveLock] {
            let until = f.at_until(barrier, take, lock);
            assert!(until.contains(Classes::SYNC), "{barrier:?}");
            assert!(!until.any(Classes::MEM_WRITE), "{barrier:?}");
        }
        assert!(f
            .at_until(Barrier::Wait, take, lock)
            .contains(Classes::MEM_WRITE));
        let own = body.replace(
            "func main()",
            "type L struct{}\nfunc (*L) Lock() {}\nfunc (*L) Unlock() {}\nfunc main()",
        );
        let (p, f) = futures(&own);
        let take = func(&p, "main.take");
        let until = f.at_until(Barrier::AnyLock, take, lock);
        assert!(until.contains(Classes::MEM_WRITE));
    }

    #[test]
    fn classes_conflict_by_reads_and_writes() {
        let r = Classes::MEM_READ;
        let w = Classes::MEM_WRITE;
        assert!(!r.conflicts_with(r));
        assert!(r.conflicts_with(w) && w.conflicts_with(r) && w.conflicts_with(w));
        assert!(!Classes::MAP_READ.conflicts_with(w));
        assert!(Classes::SPAWN.conflicts_with(Classes::SPAWN));
        assert!(!Classes::SPAWN.conflicts_with(Classes::SYNC));
        assert!(Classes::TOP.conflicts_with(r));
        assert!(!Classes::TOP.conflicts_with(Classes::NONE));
        assert!(!Classes::SYNC.conflicts_with(r.union(w)));
    }
}
