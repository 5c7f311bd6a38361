//! Source names for runtime objects: `map#0` → `m`, `@3.0` → `c.mu`, `chan#1` → `cmds`.
//!
//! Events and machine state carry ids, not names. Names come from three cheap sources:
//! package-level variables (the program lists them with their heap cells), the compiler's debug
//! info on each function's variables ([`Program::var_names`]: what a live frame's `m`, `mu` or
//! `c` holds is named so from the step it exists, before any operation mentions it), and the
//! source text at the span of each operation seen so far: the expression in front of `[` names
//! a map, the operand of `<-`, `close(` or `range` names a channel, the receiver of a
//! `.Lock(`-style call names a sync object, and a read of a plain variable whose span is just an
//! identifier names its cell (and the map or channel it holds). The events' names come first,
//! then the live frames' (those only fill gaps), then the names of frames gone since (a
//! finished goroutine's `resp`, `main`'s once the program has ended: a name never vanishes),
//! and last the field names of the channel messages that carry an object nothing else named
//! (`make(chan int)` written inside a request literal is the request's `resp`). A channel's
//! plain name (`resp`) replaces a field path (`cmd.response`)
//! whichever source gives it, so a reply channel is called what its maker calls it, before and
//! after the message that carries it is delivered. A name shared by several objects of the same
//! kind is shown bare for the first of them (the oldest) and with its rank for the others
//! (`resp`, `resp (2)`, `resp (3)`): an object keeps the name it was first shown with when a
//! later one takes the same name, so a message in flight reads the same when it is delivered.
//! And a name once shown stays ([`Learned::settle`], [`Names::keep_shown`]): the sources above
//! come and go with frames (`sh.mu` inside a method, `m.shards[0].mu` in `main`), the name a
//! reader first saw does not.
//!
//! The table is a function of the program and the steps up to the cursor (the machine at the
//! cursor, the events, and the frames of each step's mover before it moved), so a view after
//! going back equals the view first seen at that step. What the steps teach is folded one step
//! at a time into a [`Learned`] ([`Learned::remember`] before the step, [`Learned::learn`] for
//! each of its events; a playback keeps it up to date as it steps, so a view does not read the
//! whole trace); [`Names::at`] adds the globals, the parked operations and the live frames'
//! variables of the machine at the cursor.

use crate::bytecode::{Program, VarPlace};
use crate::diag::Span;
use crate::rt::event::{Event, Gid, Op};
use crate::rt::goroutine::Visible;
use crate::rt::machine::Machine;
use crate::rt::value::{ChanId, MapId, Pointer, Value};
use crate::types::{TypeId, TypeKind, TypeTable};
use std::collections::{BTreeMap, BTreeSet};

/// Names of the objects of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    /// Heap variables (and sync objects inside them) by address.
    cells: BTreeMap<Pointer, String>,
    /// Maps.
    maps: BTreeMap<MapId, String>,
    /// Channels.
    chans: BTreeMap<ChanId, String>,
}

/// A map, channel or pointer seen in a variable: a variable without a name of its own is named
/// after what it holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Held {
    Map(MapId),
    Chan(ChanId),
    Ptr(Pointer),
}

impl Held {
    fn of(v: &Value) -> Option<Held> {
        match v {
            Value::Map(Some(m)) => Some(Held::Map(*m)),
            Value::Chan(Some(c)) => Some(Held::Chan(*c)),
            Value::Ptr(Some(p)) => Some(Held::Ptr(p.clone())),
            _ => None,
        }
    }
}

/// What events taught about names, folded in order ([`Learned::learn`]): the first name each
/// object got from an operation's source text, and what unnamed variables held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Learned {
    /// First names from the events' source text.
    names: Names,
    /// Each (variable, map/channel/pointer) pair a load or store saw while the variable had no
    /// name from the events, once, in order of first occurrence.
    // Invariant: `held` holds exactly the pairs of `holds`.
    holds: Vec<(Pointer, Held)>,
    /// The pairs of `holds`, for deduplication.
    held: BTreeSet<(Pointer, Held)>,
    /// Maps and channels carried by a sent message while no event had named them, by the name
    /// of the message field that holds them (first send wins).
    carried: Names,
    /// What the variables of the frames of goroutines about to move named (the first name
    /// wins): a frame's names outlive it, so an object keeps the name of a variable of a
    /// goroutine that has finished (or of `main` once the program has ended).
    remembered: Names,
    /// What the pointer variables of those frames pointed to, with their names (the first
    /// name wins).
    remembered_pointees: BTreeMap<Pointer, String>,
    /// The names shown after the last step folded ([`Learned::settle`]): an object keeps the
    /// name it was shown with (see [`Names::keep_shown`]).
    shown: Names,
}

impl Learned {
    /// Remember the names the variables of goroutine `gid`'s frames give, before it moves (its
    /// frames change only when it moves, so what any frame ever named is remembered).
    pub fn remember(&mut self, program: &Program, machine: &Machine, gid: Gid) {
        let pointees = &mut self.remembered_pointees;
        self.remembered
            .name_goroutine_vars(program, machine, gid, &mut |p, name| {
                if !pointees.contains_key(p) {
                    pointees.insert(p.clone(), name.to_string());
                }
            });
    }

    /// After a step's events are learned: remember the names shown at `machine` (the state
    /// after the step), which later steps keep.
    pub fn settle(&mut self, program: &Program, machine: &Machine) {
        self.shown = Names::at(program, machine, self);
    }

    /// Learn from one more event (events must come in the order of the run); `machine` is any
    /// machine of the run at or after the event (it gives the channels' element types).
    pub fn learn(&mut self, program: &Program, machine: &Machine, event: &Event) {
        self.names
            .learn_op(&event.op, source_text(program, event.span));
        if let Op::Send { chan, value, .. } = &event.op {
            let mut found = Vec::new();
            carried_objects(machine, *chan, value, &mut found);
            for (held, name) in found {
                match held {
                    Held::Map(m) if !self.names.maps.contains_key(&m) => {
                        self.carried.maps.entry(m).or_insert(name);
                    }
                    Held::Chan(c) if !self.names.chans.contains_key(&c) => {
                        self.carried.chans.entry(c).or_insert(name);
                    }
                    _ => {}
                }
            }
        }
        if let Op::Load { ptr, value } | Op::Store { ptr, value } = &event.op {
            // A variable named by the events keeps that name whatever it holds.
            if self.names.cells.contains_key(ptr) {
                return;
            }
            if let Some(h) = Held::of(value) {
                let pair = (ptr.clone(), h);
                if !self.held.contains(&pair) {
                    self.held.insert(pair.clone());
                    self.holds.push(pair);
                }
            }
        }
    }
}

fn source_text(program: &Program, span: Span) -> &str {
    program
        .source
        .get(span.lo as usize..span.hi as usize)
        .unwrap_or("")
}

/// `names[key]`; when several keys share that name, the first of them (in key order: ids are
/// handed out in order of creation) is shown bare and the others with their rank among them
/// (`resp`, `resp (2)`, `resp (3)`), so a name once shown does not change when a later object
/// takes it too; `unknown()` when the key has no name.
fn plain_name<K: Ord>(
    names: &BTreeMap<K, String>,
    key: &K,
    unknown: impl FnOnce() -> String,
) -> String {
    let Some(name) = names.get(key) else {
        return unknown();
    };
    let rank = names
        .iter()
        .filter(|(_, v)| *v == name)
        .position(|(k, _)| k == key)
        .unwrap_or(0)
        + 1;
    if rank == 1 {
        name.clone()
    } else {
        format!("{name} ({rank})")
    }
}

/// The maps and channels a message of channel `chan` carries in its struct fields (nested
/// structs and arrays too), each with the name of the innermost field that holds it (`resp`
/// for `req{key: k, resp: make(chan int)}`; `resps[1]` for an array field).
fn carried_objects(machine: &Machine, chan: ChanId, value: &Value, out: &mut Vec<(Held, String)>) {
    fn walk(
        types: &TypeTable,
        ty: TypeId,
        value: &Value,
        name: Option<&str>,
        out: &mut Vec<(Held, String)>,
    ) {
        match (value, types.under(ty)) {
            (Value::Map(Some(m)), _) => {
                if let Some(name) = name {
                    out.push((Held::Map(*m), name.to_string()));
                }
            }
            (Value::Chan(Some(c)), _) => {
                if let Some(name) = name {
                    out.push((Held::Chan(*c), name.to_string()));
                }
            }
            (Value::Struct(fields), TypeKind::Struct(decl)) if fields.len() == decl.len() => {
                for (v, f) in fields.iter().zip(decl) {
                    walk(types, f.ty, v, Some(&f.name), out);
                }
            }
            (Value::Array(elems), TypeKind::Array(_, elem)) => {
                let Some(name) = name else { return };
                for (i, v) in elems.iter().enumerate().take(64) {
                    walk(types, *elem, v, Some(&format!("{name}[{i}]")), out);
                }
            }
            _ => {}
        }
    }
    if let Some(obj) = machine.heap().chans.get(chan.0 as usize) {
        walk(&machine.program().types, obj.elem_ty, value, None, out);
    }
}

impl Names {
    /// The names at `machine` after the steps folded into `learned`: the globals' names first,
    /// then the events' (the first name of an object wins), the parked operations', the names
    /// of variables after what they hold, the live frames' variables, the remembered ones of
    /// frames gone since, the fields of messages that carry an object, and last the paths from
    /// named variables.
    pub fn at(program: &Program, machine: &Machine, learned: &Learned) -> Names {
        let mut n = Names::default();
        let heap = machine.heap();
        for (g, obj) in program.globals.iter().zip(heap.globals.iter()) {
            let p = Pointer::root(*obj);
            n.cells.entry(p.clone()).or_insert_with(|| g.name.clone());
            if let Ok(v) = heap.get(&p) {
                n.learn_value(&g.name, v);
            }
        }
        let e = &learned.names;
        for (p, name) in &e.cells {
            n.cells.entry(p.clone()).or_insert_with(|| name.clone());
        }
        for (m, name) in &e.maps {
            n.maps.entry(*m).or_insert_with(|| name.clone());
        }
        for (c, name) in &e.chans {
            n.chans.entry(*c).or_insert_with(|| name.clone());
        }
        for i in 0..machine.goroutine_count() as u32 {
            let Some(g) = machine.goroutine_state(Gid(i)) else {
                continue;
            };
            if let Some(v) = &g.next {
                n.learn_visible(v, source_text(program, g.next_span));
            }
        }
        n.name_holders(&learned.holds);
        let mut pointees = n.name_frame_vars(program, machine);
        // Then the names of frames gone since.
        let r = &learned.remembered;
        for (p, name) in &r.cells {
            n.cells.entry(p.clone()).or_insert_with(|| name.clone());
        }
        for (m, name) in &r.maps {
            n.map_named(*m, Some(name));
        }
        for (c, name) in &r.chans {
            n.chan_named(*c, Some(name));
        }
        pointees.extend(
            learned
                .remembered_pointees
                .iter()
                .map(|(p, name)| (p.clone(), name.clone())),
        );
        n.name_carried(machine, learned);
        n.name_paths(&super::field_names::reach(program, heap, &n.cells));
        // What pointer variables point to, when nothing else named it: `mu` for a parameter
        // `mu *sync.Mutex`, `c` (and `c.mu`) for a `c *Cache` of a method called on a struct
        // that no named variable reaches.
        n.name_late_roots(program, heap, pointees);
        // A value about to be stored takes its destination's name: the new shard of
        // `s.shards[i] = &shard{data: make(map[string]int)}` is `s.shards[0]`, its map
        // `s.shards[0].data`.
        let mut stored = Vec::new();
        for i in 0..machine.goroutine_count() as u32 {
            let parked = machine.goroutine_state(Gid(i));
            let Some(Visible::Store(Some(p), v)) = parked.and_then(|g| g.next.as_ref()) else {
                continue;
            };
            let Some(name) = n.cells.get(p).cloned() else {
                continue;
            };
            match v {
                Value::Ptr(Some(q)) => stored.push((q.clone(), name)),
                v => n.learn_value(&name, v),
            }
        }
        n.name_late_roots(program, heap, stored);
        n.keep_shown(&learned.shown);
        n
    }

    /// Names once shown stay: each object named in `shown` (the names of the step before)
    /// keeps that name, so a shard's lock read `s.shards[0].mu` at the start is not called
    /// `sh.mu` inside a method, `m.shards[0].mu` from `main` and `s.shards[0].mu` again as
    /// frames come and go. The one change allowed is the one the rules above make on purpose
    /// for maps and channels: a plain name (`resp`, what its maker calls a channel) replaces a
    /// field path (`cmd.response`).
    fn keep_shown(&mut self, shown: &Names) {
        fn keep<K: Ord + Clone>(
            names: &mut BTreeMap<K, String>,
            shown: &BTreeMap<K, String>,
            upgrades: bool,
        ) {
            for (k, old) in shown {
                match names.get(k) {
                    Some(now) if now == old => {}
                    Some(now) if upgrades && old.contains('.') && !now.contains('.') => {}
                    _ => {
                        names.insert(k.clone(), old.clone());
                    }
                }
            }
        }
        keep(&mut self.cells, &shown.cells, false);
        keep(&mut self.maps, &shown.maps, true);
        keep(&mut self.chans, &shown.chans, true);
    }

    /// Maps and channels that only a message names, by the field that carries them: those of
    /// messages sent so far (`learned`), then those of the goroutines parked at a send. The
    /// field's name also replaces a field path (`r.resp`, `j.table`: the receiver's name for
    /// what it was handed), so what a message carries keeps its name when it is delivered.
    fn name_carried(&mut self, machine: &Machine, learned: &Learned) {
        let mut found = Vec::new();
        for i in 0..machine.goroutine_count() as u32 {
            match machine
                .goroutine_state(Gid(i))
                .and_then(|g| g.next.as_ref())
            {
                Some(Visible::Send(Some(c), v)) => carried_objects(machine, *c, v, &mut found),
                Some(Visible::Select { arms, .. }) => {
                    for arm in arms {
                        if let (Some(c), Some(v)) = (arm.chan, &arm.send) {
                            carried_objects(machine, c, v, &mut found);
                        }
                    }
                }
                _ => {}
            }
        }
        let sent = learned.carried.maps.iter().map(|(m, n)| (Held::Map(*m), n));
        let sent = sent.chain(
            learned
                .carried
                .chans
                .iter()
                .map(|(c, n)| (Held::Chan(*c), n)),
        );
        let parked = found.iter().map(|(h, n)| (h.clone(), n));
        for (held, name) in sent.collect::<Vec<_>>().into_iter().chain(parked) {
            match held {
                Held::Map(m) => {
                    let replaces = |old: &String| old.contains('.') && !name.contains('.');
                    if self.maps.get(&m).is_none_or(replaces) {
                        self.maps.insert(m, name.clone());
                    }
                }
                Held::Chan(c) => self.chan_named(c, Some(name)),
                Held::Ptr(_) => {}
            }
        }
    }

    /// Objects without a name, or with a name several objects share (`sh.mu` in a method of
    /// a sharded map), take the path name a named variable reaches them by (`m.shards[1].mu`).
    fn name_paths(&mut self, paths: &super::field_names::PathNames) {
        fn apply<K: Ord + Clone>(names: &mut BTreeMap<K, String>, paths: &BTreeMap<K, String>) {
            let shared: BTreeSet<String> = {
                let mut seen = BTreeSet::new();
                names
                    .values()
                    .filter(|v| !seen.insert(v.as_str()))
                    .cloned()
                    .collect()
            };
            for (k, path) in paths {
                match names.get(k) {
                    Some(name) if !shared.contains(name) => {}
                    _ => {
                        names.insert(k.clone(), path.clone());
                    }
                }
            }
        }
        apply(&mut self.cells, &paths.cells);
        apply(&mut self.maps, &paths.maps);
        apply(&mut self.chans, &paths.chans);
    }

    /// A variable without a name is named after what it holds: the map or channel `m`, or a
    /// pointer to a struct whose fields are named `c.mu`, `c.data` (then it is `c`).
    fn name_holders(&mut self, holds: &[(Pointer, Held)]) {
        for (p, h) in holds {
            if self.cells.contains_key(p) {
                continue;
            }
            let name = match h {
                Held::Map(m) => self.maps.get(m).cloned(),
                Held::Chan(c) => self.chans.get(c).cloned(),
                Held::Ptr(q) => self.cells.iter().find_map(|(r, name)| {
                    let child = r.obj == q.obj
                        && r.path.len() == q.path.len() + 1
                        && r.path.starts_with(&q.path);
                    child.then(|| name.rsplit_once('.').map(|(base, _)| base.to_string()))?
                }),
            };
            if let Some(name) = name.filter(|n| !n.contains('(') && !n.starts_with("unnamed ")) {
                self.cells.insert(p.clone(), name);
            }
        }
    }

    /// Name the objects of `roots` that have no name yet, and what they reach.
    fn name_late_roots(
        &mut self,
        program: &Program,
        heap: &crate::rt::heap::Heap,
        roots: Vec<(Pointer, String)>,
    ) {
        let mut named = BTreeMap::new();
        for (q, name) in roots {
            if !self.cells.contains_key(&q) {
                self.cells.insert(q.clone(), name.clone());
                named.insert(q, name);
            }
        }
        if !named.is_empty() {
            self.name_paths(&super::field_names::reach(program, heap, &named));
        }
    }

    /// Objects still without a name take the source name of a variable that holds them in a
    /// live frame (the compiler's [`Program::var_names`]): `m := make(map[string]int)` names the
    /// map `m` before any operation mentions it. Goroutines in order, each from its bottom frame
    /// up, so `main`'s names come first. Returns what pointer variables point to, with their
    /// names, in that order (the caller names those last, as `c.mu.Lock()` names `c.mu`).
    fn name_frame_vars(&mut self, program: &Program, machine: &Machine) -> Vec<(Pointer, String)> {
        let mut pointees = Vec::new();
        for i in 0..machine.goroutine_count() as u32 {
            self.name_goroutine_vars(program, machine, Gid(i), &mut |p, name| {
                pointees.push((p.clone(), name.to_string()))
            });
        }
        pointees
    }

    /// [`Names::name_frame_vars`] for the frames of goroutine `gid`, passing what its pointer
    /// variables point to, with their names, to `pointee`.
    fn name_goroutine_vars(
        &mut self,
        program: &Program,
        machine: &Machine,
        gid: Gid,
        pointee: &mut dyn FnMut(&Pointer, &str),
    ) {
        let heap = machine.heap();
        let Some(g) = machine.goroutine_state(gid) else {
            return;
        };
        for frame in &g.frames {
            let vars = program.var_names.iter().filter(|v| v.func == frame.func);
            for var in vars {
                let cell = match var.place {
                    VarPlace::Local(n) => {
                        match frame.locals.get(n as usize) {
                            Some(Value::Ptr(Some(p))) => pointee(p, &var.name),
                            Some(v) => self.learn_value(&var.name, v),
                            None => {}
                        }
                        continue;
                    }
                    VarPlace::Cell(n) => match frame.locals.get(n as usize) {
                        Some(Value::Ptr(Some(p))) => p,
                        _ => continue,
                    },
                    VarPlace::Capture(n) => match frame.captures.get(n as usize) {
                        Some(p) => p,
                        None => continue,
                    },
                };
                self.name_cell(heap, cell, &var.name);
            }
        }
    }

    /// Name a variable's cell, and the map or channel it holds, unless they have a name.
    fn name_cell(&mut self, heap: &crate::rt::heap::Heap, p: &Pointer, name: &str) {
        if !self.cells.contains_key(p) {
            self.cells.insert(p.clone(), name.to_string());
            if let Ok(v) = heap.get(p) {
                self.learn_value(name, v);
            }
        }
    }

    /// A value as a short Go literal, with maps and channels by name.
    pub fn value(&self, v: &Value) -> String {
        match v {
            Value::Map(Some(m)) => self.map(*m),
            Value::Chan(Some(c)) => self.chan(*c),
            Value::Ptr(Some(p)) if self.cells.contains_key(p) => format!("&{}", self.pointer(p)),
            other => super::trace::value_literal(other),
        }
    }

    /// The name of a map (`m`; `m (2)` when several maps are named `m`; `unnamed map 4` when
    /// unknown).
    pub fn map(&self, id: MapId) -> String {
        plain_name(&self.maps, &id, || format!("unnamed map {}", id.0 + 1))
    }

    /// The name of a channel (`cmds`, `resp (2)`, or `unnamed channel 2`).
    pub fn chan(&self, id: ChanId) -> String {
        plain_name(&self.chans, &id, || format!("unnamed channel {}", id.0 + 1))
    }

    /// The name of a heap variable or sync object (`mu`, `c.mu`, `sh.mu (2)`, or
    /// `unnamed variable 4`).
    pub fn pointer(&self, p: &Pointer) -> String {
        plain_name(&self.cells, p, || {
            format!("unnamed variable {}", p.obj.0 + 1)
        })
    }

    fn learn_value(&mut self, name: &str, v: &Value) {
        match v {
            Value::Map(Some(m)) => {
                self.maps.entry(*m).or_insert_with(|| name.to_string());
            }
            Value::Chan(Some(c)) => self.chan_named(*c, Some(name)),
            _ => {}
        }
    }

    fn cell(&mut self, p: &Pointer, name: Option<&str>) {
        if let Some(name) = name {
            self.cells
                .entry(p.clone())
                .or_insert_with(|| name.to_string());
        }
    }

    fn map_named(&mut self, m: MapId, name: Option<&str>) {
        if let Some(name) = name {
            self.maps.entry(m).or_insert_with(|| name.to_string());
        }
    }

    /// A channel keeps its first name, except that a plain variable's name (`resp`) replaces a
    /// field path (`cmd.response`): a reply channel is named where it is made and waited on,
    /// not after the request field that carries it.
    fn chan_named(&mut self, c: ChanId, name: Option<&str>) {
        let Some(name) = name else { return };
        let replaces = |old: &String| old.contains('.') && !name.contains('.');
        if self.chans.get(&c).is_none_or(replaces) {
            self.chans.insert(c, name.to_string());
        }
    }

    fn learn_op(&mut self, op: &Op, text: &str) {
        match op {
            Op::Load { ptr, value } => {
                let name = whole_chain(text).or_else(|| root_variable(ptr, text));
                self.cell(ptr, name);
                if let Some(name) = name {
                    self.learn_value(name, value);
                }
            }
            Op::Store { ptr, value } => {
                let name = assigned_chain(text);
                self.cell(ptr, name);
                if let Some(name) = name {
                    self.learn_value(name, value);
                }
            }
            Op::MapRead { map, .. }
            | Op::MapWriteBegin { map, .. }
            | Op::MapWriteEnd { map, .. }
            | Op::MapIterate { map, .. } => self.map_named(*map, map_operand(text)),
            Op::Send { chan, .. } => self.chan_named(*chan, send_operand(text)),
            Op::Recv { chan, .. } | Op::Close { chan } => {
                self.chan_named(*chan, recv_operand(text))
            }
            Op::ChanLen { chan, .. } => self.chan_named(*chan, map_operand(text)),
            Op::Lock { mutex: p, .. }
            | Op::WaitGroupAdd { wg: p, .. }
            | Op::WaitGroupWait { wg: p }
            | Op::WaitGroupBlock { wg: p }
            | Op::WaitGroupWake { wg: p, .. }
            | Op::OnceDo { once: p, .. }
            | Op::OnceDone { once: p }
            | Op::Cond { cond: p, .. }
            | Op::SyncMap { map: p, .. }
            | Op::Atomic { ptr: p, .. } => self.cell(p, receiver(text)),
            // `ctx.Done()`, `ctx.Err()`: the context is named after its variable.
            Op::Context {
                ctx: Some(p),
                call: "Done" | "Err",
            } => self.cell(p, receiver(text)),
            _ => {}
        }
    }

    fn learn_visible(&mut self, v: &Visible, text: &str) {
        match v {
            Visible::Load(Some(p)) => {
                self.cell(p, whole_chain(text).or_else(|| root_variable(p, text)))
            }
            Visible::Store(Some(p), _) => self.cell(p, assigned_chain(text)),
            Visible::MapGet { map: Some(m), .. }
            | Visible::MapWriteBegin { map: Some(m), .. }
            | Visible::MapWriteEnd { map: m, .. }
            | Visible::MapLen(Some(m)) => self.map_named(*m, map_operand(text)),
            Visible::Send(Some(c), _) => self.chan_named(*c, send_operand(text)),
            Visible::Recv { chan: Some(c), .. } | Visible::Close(Some(c)) => {
                self.chan_named(*c, recv_operand(text))
            }
            Visible::ChanLen(Some(c)) => self.chan_named(*c, map_operand(text)),
            Visible::Lib { args, func, .. } if func.is_method() => {
                if let Some(Value::Ptr(Some(p))) = args.first() {
                    self.cell(p, receiver(text));
                }
            }
            _ => {}
        }
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The selector chain (`a`, `c.mu`, `s.shards.m`) at the start of `text`, and the rest.
fn leading_chain(text: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    let mut expect_ident = true;
    for (i, c) in text.char_indices() {
        if expect_ident {
            if i == end && is_ident_start(c) {
                expect_ident = false;
                end = i + c.len_utf8();
                continue;
            }
            break;
        }
        if is_ident_char(c) {
            end = i + c.len_utf8();
        } else if c == '.' {
            expect_ident = true;
            // The dot joins only when an identifier follows.
            if !text[i + 1..].starts_with(is_ident_start) {
                break;
            }
            end = i + 1;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let chain = text[..end].trim_end_matches('.');
    (!is_keyword(chain)).then_some((chain, &text[end..]))
}

/// The selector chain that ends right before byte `at` of `text`.
fn chain_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident_char(*c) || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let chain = before[start..].trim_start_matches('.');
    match leading_chain(chain) {
        Some((c, "")) => Some(c),
        _ => None,
    }
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "go" | "defer" | "range" | "return" | "if" | "for" | "select" | "case" | "var" | "func"
    )
}

fn strip_keywords(text: &str) -> &str {
    let mut t = text.trim_start();
    for kw in ["defer ", "go ", "return "] {
        if let Some(rest) = t.strip_prefix(kw) {
            t = rest.trim_start();
        }
    }
    t
}

/// `text` is exactly one selector chain.
fn whole_chain(text: &str) -> Option<&str> {
    match leading_chain(text.trim()) {
        Some((c, "")) => Some(c),
        _ => None,
    }
}

/// The variable a load of a whole heap variable reads when its text uses it: `m` in
/// `m.Get(k)`, `m[k] = id`, `cmds <- req` (a variable captured by a closure lives on the heap).
fn root_variable<'a>(ptr: &Pointer, text: &'a str) -> Option<&'a str> {
    if !ptr.path.is_empty() {
        return None;
    }
    let used_first = |t: &'a str| {
        let (chain, rest) = leading_chain(t)?;
        let first = chain.split('.').next()?;
        let used = chain.contains('.') || rest.trim_start().starts_with(['[', '<']);
        used.then_some(first)
    };
    let t = strip_keywords(text);
    used_first(t).or_else(|| {
        // The right-hand side of `_ = m[k]`, `v := m[k]`.
        let i = t.find('=')?;
        (!t[i..].starts_with("==")).then(|| used_first(t[i + 1..].trim_start()))?
    })
}

/// The chain assigned to by a statement `x = …`, `x := …`, `x += …`, `x++`.
fn assigned_chain(text: &str) -> Option<&str> {
    let (chain, rest) = leading_chain(strip_keywords(text))?;
    let rest = rest.trim_start();
    let assigns = rest.is_empty()
        || rest.starts_with('=') && !rest.starts_with("==")
        || rest.starts_with(":=")
        || [
            "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<=", ">>=", "++", "--",
        ]
        .iter()
        .any(|op| rest.starts_with(op));
    assigns.then_some(chain)
}

/// The map operand of `m[k]`, `delete(m, k)`, `len(m)`, `clear(m)`, `range m`.
fn map_operand(text: &str) -> Option<&str> {
    for call in ["delete(", "len(", "clear("] {
        if let Some(i) = text.find(call) {
            return leading_chain(text[i + call.len()..].trim_start()).map(|(c, _)| c);
        }
    }
    if let Some(i) = text.find("range ") {
        return leading_chain(text[i + 6..].trim_start()).map(|(c, _)| c);
    }
    chain_before(text, text.find('[')?)
}

/// The channel of `ch <- v`.
fn send_operand(text: &str) -> Option<&str> {
    chain_before(text, text.find("<-")?)
}

/// The channel of `<-ch`, `close(ch)`, `range ch`.
fn recv_operand(text: &str) -> Option<&str> {
    for prefix in ["close(", "range ", "<-"] {
        if let Some(i) = text.find(prefix) {
            return leading_chain(text[i + prefix.len()..].trim_start()).map(|(c, _)| c);
        }
    }
    // The operand alone (`range cmds` spans only `cmds`).
    whole_chain(text)
}

/// The receiver of `mu.Lock()` (`mu`), `c.mu.Lock()` (`c.mu`), or the operand of
/// `atomic.AddInt64(&n, 1)` (`n`).
fn receiver(text: &str) -> Option<&str> {
    let t = strip_keywords(text);
    if let Some(rest) = t.strip_prefix("atomic.") {
        let open = rest.find('(')?;
        let arg = rest[open + 1..].trim_start();
        let arg = arg.strip_prefix('&').unwrap_or(arg);
        return leading_chain(arg).map(|(c, _)| c);
    }
    let (chain, _) = leading_chain(t)?;
    let dot = chain.rfind('.')?;
    Some(&chain[..dot])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operands_are_read_from_source_text() {
        assert_eq!(map_operand("m[k] = id"), Some("m"));
        assert_eq!(map_operand("_ = c.data[k]"), Some("c.data"));
        assert_eq!(map_operand("delete(m, k)"), Some("m"));
        assert_eq!(map_operand("len(m)"), Some("m"));
        assert_eq!(map_operand("for k := range m"), Some("m"));
        assert_eq!(send_operand("cmds <- cacheRequest{}"), Some("cmds"));
        assert_eq!(recv_operand("<-resp"), Some("resp"));
        assert_eq!(recv_operand("close(cmds)"), Some("cmds"));
        assert_eq!(receiver("mu.Lock()"), Some("mu"));
        assert_eq!(receiver("defer c.mu.Unlock()"), Some("c.mu"));
        assert_eq!(receiver("atomic.AddInt64(&n, 1)"), Some("n"));
        assert_eq!(whole_chain("m"), Some("m"));
        assert_eq!(whole_chain("m[k]"), None);
        assert_eq!(assigned_chain("count = count + 1"), Some("count"));
        assert_eq!(assigned_chain("count == 1"), None);
        assert_eq!(assigned_chain("n++"), Some("n"));
        assert_eq!(assigned_chain("m := make(map[string]int)"), Some("m"));
        assert_eq!(assigned_chain("a, b := f()"), None);
        let var = Pointer::root(crate::rt::value::ObjId(0));
        assert_eq!(root_variable(&var, "m.Get(k)"), Some("m"));
        assert_eq!(root_variable(&var, "m[k] = id"), Some("m"));
        assert_eq!(root_variable(&var, "cmds <- req"), Some("cmds"));
        assert_eq!(root_variable(&var, "go worker(cmds)"), None);
        assert_eq!(root_variable(&var, "_ = m[k]"), Some("m"));
        assert_eq!(root_variable(&var, "n = n + 1"), None);
        assert_eq!(recv_operand("cmds"), Some("cmds"));
        assert_eq!(map_operand("f()[k]"), None);
        assert_eq!(leading_chain("é"), None);
    }
}
