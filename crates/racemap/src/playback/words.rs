//! Steps in words with source names, for the timeline, the choices and the live region:
//! what a step did (`writes m["k1"] (starts the write; writing flag set)`) and what a parked
//! goroutine would do next (`locks mu`).
//!
//! Like [`super::trace`], but objects are named through [`Names`] and the wording is the one
//! read aloud by a screen reader, so it stays short.

use super::names::Names;
use super::trace::value_literal;
use crate::bytecode::LibFunc;
use crate::diag::{SourceMap, Span};
use crate::rt::event::{Event, Gid, LockOp, Op, TimerOp};
use crate::rt::goroutine::{GoStatus, Visible};
use crate::rt::machine::{Choice, Machine};
use crate::rt::timer::duration_string;
use crate::rt::value::{ChanId, MapId, Value};
use crate::types::{TypeId, TypeKind};

fn key_text(key: &Option<Value>) -> String {
    match key {
        Some(k) => format!("[{}]", value_literal(k)),
        None => String::new(),
    }
}

/// A heap variable as the object of a read: `variable m` (so that reading the variable that
/// holds a map is not taken for a read of the map), or `unnamed variable 3`.
fn variable(names: &Names, p: &crate::rt::value::Pointer) -> String {
    let name = names.pointer(p);
    if name.starts_with("unnamed ") {
        name
    } else {
        format!("variable {name}")
    }
}

/// A channel message that is a struct or an array, formatted like Go's `%+v` (struct fields
/// named: `{key:k0 value:0 write:false response:resp}`), except that maps and channels inside
/// it show their source names instead of addresses. Formatting reads the heap (a slice field
/// shows its elements), so a playback does it when the step is made and keeps the text
/// ([`step_phrase`]).
pub fn message_text(op: &Op, machine: &Machine, names: &dyn Fn() -> Names) -> Option<String> {
    let (Op::Send { chan, value, .. } | Op::Recv { chan, value, .. }) = op else {
        return None;
    };
    match value {
        Value::Struct(_) | Value::Array(_) => {
            let ty = machine.heap().chans.get(chan.0 as usize)?.elem_ty;
            Some(plain_value(machine, &names(), ty, value))
        }
        _ => None,
    }
}

/// A message of channel `chan` as every view shows it, in flight, buffered, moved or in a step's
/// words: a struct or array as [`message_text`] formats it, any other value as a short Go
/// literal with maps and channels by name (`"k1"`, `1`, `resp`).
pub fn message(machine: &Machine, names: &Names, chan: ChanId, value: &Value) -> String {
    match (value, machine.heap().chans.get(chan.0 as usize)) {
        (Value::Struct(_) | Value::Array(_), Some(obj)) => {
            plain_value(machine, names, obj.elem_ty, value)
        }
        _ => names.value(value),
    }
}

/// A value as Go's `%+v` prints it, with maps and channels by source name.
pub fn plain_value(machine: &Machine, names: &Names, ty: TypeId, value: &Value) -> String {
    let types = &machine.program().types;
    match (value, types.under(ty)) {
        (Value::Map(Some(m)), _) => names.map(*m),
        (Value::Chan(Some(c)), _) => names.chan(*c),
        (Value::Struct(fields), TypeKind::Struct(decl)) if fields.len() == decl.len() => {
            let parts: Vec<String> = fields
                .iter()
                .zip(decl)
                .map(|(v, f)| format!("{}:{}", f.name, plain_value(machine, names, f.ty, v)))
                .collect();
            format!("{{{}}}", parts.join(" "))
        }
        (Value::Array(elems), TypeKind::Array(_, elem)) => {
            let parts: Vec<String> = elems
                .iter()
                .map(|v| plain_value(machine, names, *elem, v))
                .collect();
            format!("[{}]", parts.join(" "))
        }
        _ => machine.format_value(ty, value),
    }
}

/// The phrase of event `i` of one step: [`step_phrase`], except that a map write stopped by
/// its own flag check (the step's next event is the same goroutine's fatal error) never set
/// the flag: `tries to write m["k0"]`, and that a new timer says where it was made: `starts a
/// 5ms timer (time.After at line 17)`.
pub fn event_phrase(
    events: &[Event],
    i: usize,
    names: &Names,
    go_id: &dyn Fn(Gid) -> u64,
    message_text: Option<&str>,
    source_map: &SourceMap,
) -> String {
    let Some(e) = events.get(i) else {
        return String::new();
    };
    if let Op::Timer {
        op: TimerOp::Arm { after, made_by, .. },
        ..
    } = &e.op
    {
        return format!(
            "starts a {} timer ({made_by} at line {})",
            duration_string(*after),
            source_map.line(e.span.lo)
        );
    }
    if let Op::MapWriteBegin { map, key, delete } = &e.op {
        let crashed = events
            .get(i + 1)
            .is_some_and(|n| n.gid == e.gid && matches!(n.op, Op::Fatal { .. }));
        if crashed {
            let verb = if *delete { "delete" } else { "write" };
            return format!("tries to {verb} {}{}", names.map(*map), key_text(key));
        }
    }
    step_phrase(&e.op, names, go_id, message_text)
}

/// What a completed operation did (`starts writing m["k1"] (writing flag set)`), with the
/// channel message already formatted ([`message_text`]).
pub fn step_phrase(
    op: &Op,
    names: &Names,
    go_id: &dyn Fn(Gid) -> u64,
    message_text: Option<&str>,
) -> String {
    let message = |_: &crate::rt::value::ChanId, value: &Value| match message_text {
        Some(text) => text.to_string(),
        None => names.value(value),
    };
    match op {
        Op::Load {
            ptr,
            value: Value::Map(Some(_)) | Value::Chan(Some(_)),
        } => format!("reads {}", variable(names, ptr)),
        Op::Load { ptr, value } => format!("reads {} = {}", names.pointer(ptr), names.value(value)),
        Op::Store { ptr, value } => {
            format!("writes {} = {}", names.pointer(ptr), names.value(value))
        }
        Op::MapRead { map, key: None } => format!("reads len({})", names.map(*map)),
        Op::MapRead { map, key } => format!("reads {}{}", names.map(*map), key_text(key)),
        Op::MapWriteBegin { map, key, delete } => format!(
            "{} {}{} (writing flag set)",
            if *delete {
                "starts deleting"
            } else {
                "starts writing"
            },
            names.map(*map),
            key_text(key)
        ),
        Op::MapWriteEnd { map, key, delete } => format!(
            "{} {}{} (writing flag cleared)",
            if *delete {
                "finishes deleting"
            } else {
                "finishes writing"
            },
            names.map(*map),
            key_text(key)
        ),
        Op::MapIterate { map, key: Some(k) } => {
            format!("iterates {} at key {}", names.map(*map), value_literal(k))
        }
        Op::MapIterate { map, key: None } => format!("finishes iterating {}", names.map(*map)),
        Op::Lock { mutex, kind } => {
            let m = names.pointer(mutex);
            match kind {
                LockOp::Lock => format!("locks {m}"),
                LockOp::Unlock => format!("unlocks {m}"),
                LockOp::RLock => format!("read-locks {m}"),
                LockOp::RUnlock => format!("read-unlocks {m}"),
                LockOp::LockPending => format!("waits for the readers of {m} (new readers wait)"),
                LockOp::TryFailed => format!("fails to try-lock {m}"),
            }
        }
        Op::Send {
            chan,
            value,
            to: Some(to),
        } => format!(
            "sends {} on {} to goroutine {}",
            message(chan, value),
            names.chan(*chan),
            go_id(*to)
        ),
        Op::Send { chan, value, .. } => {
            format!("sends {} on {}", message(chan, value), names.chan(*chan))
        }
        Op::Recv {
            chan, ok: false, ..
        } => format!("receives from closed {}", names.chan(*chan)),
        Op::Recv {
            chan,
            value,
            from: Some(from),
            ..
        } => format!(
            "receives {} on {} from goroutine {}",
            message(chan, value),
            names.chan(*chan),
            go_id(*from)
        ),
        Op::Recv { chan, value, .. } => {
            format!("receives {} on {}", message(chan, value), names.chan(*chan))
        }
        Op::SendOnClosed { chan } => format!("sends on {}, which is closed", names.chan(*chan)),
        Op::Close { chan } => format!("closes {}", names.chan(*chan)),
        Op::ChanLen { chan, len } => format!("reads len({}) = {len}", names.chan(*chan)),
        Op::WaitGroupAdd { wg, delta, counter } => {
            let w = names.pointer(wg);
            if *delta == -1 {
                format!("calls {w}.Done() (counter {counter})")
            } else {
                format!("calls {w}.Add({delta}) (counter {counter})")
            }
        }
        Op::WaitGroupWait { wg } => format!("returns from {}.Wait()", names.pointer(wg)),
        Op::WaitGroupBlock { wg } => format!("waits in {}.Wait()", names.pointer(wg)),
        Op::WaitGroupWake { wg, waiters } => {
            format!("wakes {waiters} waiter(s) of {}", names.pointer(wg))
        }
        Op::OnceDo { once, ran: true } => format!("runs {}.Do's function", names.pointer(once)),
        Op::OnceDo { once, ran: false } => {
            format!("skips {}.Do (already done)", names.pointer(once))
        }
        Op::OnceDone { once } => format!("completes {}.Do", names.pointer(once)),
        Op::Runtime { call, arg, result } => {
            crate::playback::trace::runtime_words(call, *arg, *result)
        }
        Op::Cond { cond, kind } => format!(
            "{}: {}",
            names.pointer(cond),
            crate::playback::trace::cond_words(*kind)
        ),
        Op::SyncMap { map, step } => format!("{}: {step}", names.pointer(map)),
        Op::Atomic { ptr, name, value } => format!(
            "atomic {name} on {} → {}",
            names.pointer(ptr),
            value_literal(value)
        ),
        Op::Context {
            ctx: Some(ctx),
            call,
        } => super::trace::context_words(&names.pointer(ctx), call),
        Op::Timer {
            timer: Some(timer),
            op,
        } => super::trace::timer_words(&names.pointer(timer), *op, &|c| names.chan(c)),
        other => super::trace::op_phrase(other, go_id),
    }
}

/// What a parked goroutine will do next, in words (a `select` is described as a whole).
pub fn parked_phrase(machine: &Machine, gid: Gid, names: &Names) -> String {
    if let Some(Visible::Select {
        arms, has_default, ..
    }) = machine.goroutine_state(gid).and_then(|g| g.next.as_ref())
    {
        return format!(
            "selects among {} case{}{}",
            arms.len(),
            if arms.len() == 1 { "" } else { "s" },
            if *has_default { " and a default" } else { "" }
        );
    }
    next_phrase(machine, Choice { gid, alt: 0 }, names).0
}

/// What move `choice` would do, in words, and where: `locks mu`, `writes m["k1"] = 0 (starts
/// the write)`.
pub fn next_phrase(machine: &Machine, choice: Choice, names: &Names) -> (String, Span) {
    let Some(g) = machine.goroutine_state(choice.gid) else {
        return ("moves".into(), Span::default());
    };
    let span = g.next_span;
    if let GoStatus::Sleeping(_) = g.status {
        return ("wakes up".into(), span);
    }
    let Some(v) = &g.next else {
        return ("has finished".into(), span);
    };
    if let Visible::MapIterNext { iter } = v {
        if let Some((Some(m), cursor)) = g.iters.get(*iter) {
            let map = machine.heap().map(*m);
            if !cursor.started && map.iteration_starts().len() > 1 {
                let first = map
                    .first_key_of_start(choice.alt)
                    .map(value_literal)
                    .unwrap_or_default();
                return (
                    format!("starts range {} at key {first}", names.map(*m)),
                    span,
                );
            }
            return (
                format!("takes the next step of range {}", names.map(*m)),
                span,
            );
        }
    }
    let mut phrase = visible_phrase(machine, choice, v, names);
    if !matches!(v, Visible::Select { .. }) && machine.alternatives(choice.gid, v) > 1 {
        // sync.Map.Range's snapshot step: one choice per iteration order.
        phrase.push_str(&format!(" (iteration order {})", choice.alt + 1));
    }
    (phrase, span)
}

fn visible_phrase(machine: &Machine, choice: Choice, v: &Visible, names: &Names) -> String {
    let map_name = |m: &Option<MapId>| match m {
        Some(m) => names.map(*m),
        None => "a nil map".to_string(),
    };
    match v {
        Visible::Load(Some(p)) => format!("reads {}", variable(names, p)),
        Visible::Store(Some(p), value) => {
            format!("writes {} = {}", names.pointer(p), value_literal(value))
        }
        Visible::Load(None) | Visible::Store(None, _) => "dereferences a nil pointer".into(),
        Visible::MapGet { map, key, .. } => {
            format!("reads {}[{}]", map_name(map), value_literal(key))
        }
        Visible::MapWriteBegin {
            map,
            key: Some(key),
            value: Some(value),
            ..
        } => format!(
            "starts writing {}[{}] = {}",
            map_name(map),
            value_literal(key),
            value_literal(value)
        ),
        Visible::MapWriteBegin {
            map,
            key: Some(key),
            ..
        } => format!("starts deleting {}[{}]", map_name(map), value_literal(key)),
        Visible::MapWriteBegin { map, .. } => format!("starts clearing {}", map_name(map)),
        Visible::MapWriteEnd {
            map, key, delete, ..
        } => format!(
            "finishes {} {}{}",
            if *delete { "deleting" } else { "writing" },
            names.map(*map),
            key_text(key)
        ),
        Visible::MapLen(m) => format!("reads len({})", map_name(m)),
        Visible::MapIterNext { .. } => "takes the next step of a range loop over a map".into(),
        Visible::Append { .. } => "appends to a slice".into(),
        Visible::Copy { .. } => "copies into a slice".into(),
        Visible::Go { .. } => "starts a goroutine".into(),
        Visible::Send(Some(c), value) => {
            let value = message(machine, names, *c, value);
            format!("sends {value} on {}", names.chan(*c))
        }
        Visible::Send(None, _) => "sends on a nil channel".into(),
        Visible::Recv { chan: Some(c), .. } => format!("receives from {}", names.chan(*c)),
        Visible::Recv { chan: None, .. } => "receives from a nil channel".into(),
        Visible::Close(Some(c)) => format!("closes {}", names.chan(*c)),
        Visible::Close(None) => "closes a nil channel".into(),
        Visible::ChanLen(Some(c)) => format!("reads len({})", names.chan(*c)),
        Visible::ChanLen(None) => "reads len of a nil channel".into(),
        Visible::Select { arms, .. } => match arms.get(choice.alt as usize) {
            Some(arm) => {
                let ch = arm
                    .chan
                    .map(|c| names.chan(c))
                    .unwrap_or_else(|| "a nil channel".into());
                match (&arm.send, arm.chan) {
                    (Some(value), Some(c)) => format!(
                        "selects case {}: sends {} on {ch}",
                        choice.alt + 1,
                        message(machine, names, c, value)
                    ),
                    (Some(value), None) => format!(
                        "selects case {}: sends {} on {ch}",
                        choice.alt + 1,
                        value_literal(value)
                    ),
                    (None, _) => format!("selects case {}: receives from {ch}", choice.alt + 1),
                }
            }
            None => "selects the default case".into(),
        },
        Visible::Lib { func, args, .. } => lib_phrase(*func, args, names),
        Visible::Print { .. } => "prints to stderr".into(),
        Visible::FileLock { fd, .. } => {
            format!("takes {}'s lock and prints", super::trace::file_name(*fd))
        }
        Visible::FileUnlock { fd, .. } => {
            format!("unlocks {}", super::trace::file_name(*fd))
        }
        Visible::SyncMap(inflight) => format!(
            "continues {}.{}",
            names.pointer(&inflight.ptr),
            inflight.op.label()
        ),
        Visible::RwLockFinish(p) => format!("finishes locking {} (readers gone)", names.pointer(p)),
        Visible::OnceDone(p) => format!("completes {}.Do", names.pointer(p)),
        Visible::WaitGroupWake { wg, .. } => format!("wakes the waiters of {}", names.pointer(wg)),
        Visible::WaitGroupSemacquire(wg) => format!("returns from {}.Wait()", names.pointer(wg)),
        Visible::Wake => "wakes up".into(),
        Visible::TimerFire(p) => format!("fires timer {}", names.pointer(p)),
        Visible::Exit => {
            if choice.gid == Gid::MAIN {
                "returns from main (the program ends)".into()
            } else {
                "exits".into()
            }
        }
    }
}

fn lib_phrase(func: LibFunc, args: &[Value], names: &Names) -> String {
    let recv = match args.first() {
        Some(Value::Ptr(Some(p))) => names.pointer(p),
        _ => "?".into(),
    };
    let arg = |i: usize| args.get(i).map(value_literal).unwrap_or_default();
    use LibFunc::*;
    match func {
        MutexLock | RwMutexLock => format!("locks {recv}"),
        MutexUnlock | RwMutexUnlock => format!("unlocks {recv}"),
        MutexTryLock | RwMutexTryLock => format!("tries to lock {recv}"),
        RwMutexRLock => format!("read-locks {recv}"),
        RwMutexRUnlock => format!("read-unlocks {recv}"),
        RwMutexTryRLock => format!("tries to read-lock {recv}"),
        WaitGroupAdd => format!("calls {recv}.Add({})", arg(1)),
        WaitGroupDone => format!("calls {recv}.Done()"),
        WaitGroupWait => format!("waits for {recv}"),
        OnceDo => format!("calls {recv}.Do"),
        FmtPrint | FmtPrintln | FmtPrintf | FmtFprintFile | FmtFprintlnFile | FmtFprintfFile => {
            "prints".into()
        }
        FmtFprintBuilder | FmtFprintlnBuilder | FmtFprintfBuilder | FmtFprintBuffer
        | FmtFprintlnBuffer | FmtFprintfBuffer => format!("prints to {recv}"),
        // The second step of a Builder's or Buffer's write.
        BuilderAppend | BufferCopy => format!("stores {recv}'s bytes"),
        TimeSleep => "sleeps".into(),
        f if f.receiver() == Some(crate::types::SyncKind::Map) => {
            format!("calls {recv}.{}", f.spec().name)
        }
        other => format!("calls {}", other.go_name()),
    }
}
