//! Steps in words: what `racemap run --trace` prints ([`trace`]).
//!
//! [`op_phrase`] names objects by kind and a short id (`map#1`, `mutex@3.0`), as events carry
//! ids, not source names; values are shown in Go literal syntax when they are scalars. The
//! playback's [`words`] name objects by source name and fall back to it; the trace uses them.

use super::names::{Learned, Names};
use super::words;
use crate::bytecode::Program;
use crate::rt::config::Config;
use crate::rt::event::{Event, Gid, LockOp, Op};
use crate::rt::machine::Machine;
use crate::rt::value::{Pointer, Value};
use crate::sched::Schedule;
use std::rc::Rc;

/// A value as a short Go literal: `1`, `"k1"`, `true`, `{…}` for aggregates.
pub fn value_literal(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f}"),
        Value::Str(s) => crate::strconv::quote_with(s.as_bytes(), '"', false),
        Value::Ptr(None) | Value::Map(None) | Value::Chan(None) | Value::Func(None) => "nil".into(),
        Value::Slice(None) | Value::Iface(None) => "nil".into(),
        Value::Iface(Some(b)) => value_literal(&b.1),
        Value::Ptr(Some(_)) => "&…".into(),
        Value::Map(Some(m)) => format!("map#{}", m.0),
        Value::Chan(Some(c)) => format!("chan#{}", c.0),
        Value::Slice(Some(_)) | Value::Array(_) => "[…]".into(),
        Value::Struct(fields) if fields.is_empty() => "struct{}{}".into(),
        Value::Struct(_) | Value::Sync(_) => "{…}".into(),
        Value::Func(Some(_)) => "func".into(),
        Value::Unit => "()".into(),
    }
}

/// A heap address as `@OBJ.FIELD…`.
pub fn pointer_name(p: &Pointer) -> String {
    let mut s = format!("@{}", p.obj.0);
    for i in p.path.iter() {
        s.push_str(&format!(".{i}"));
    }
    s
}

fn key_suffix(key: &Option<Value>) -> String {
    match key {
        Some(k) => format!("[{}]", value_literal(k)),
        None => String::new(),
    }
}

/// What an operation did, as a verb phrase: `writes map#1["k1"] (begin)`.
pub fn op_phrase(op: &Op, go_id: &dyn Fn(crate::rt::event::Gid) -> u64) -> String {
    match op {
        Op::Load { ptr, value } => {
            format!("reads {} = {}", pointer_name(ptr), value_literal(value))
        }
        Op::Store { ptr, value } => {
            format!("writes {} = {}", pointer_name(ptr), value_literal(value))
        }
        Op::Init { .. } => "initializes a composite literal".to_string(),
        Op::MapRead { map, key: None } => format!("reads len(map#{})", map.0),
        Op::MapRead { map, key } => format!("reads map#{}{}", map.0, key_suffix(key)),
        Op::MapWriteBegin { map, key, delete } => format!(
            "starts {} map#{}{} (writing flag set)",
            if *delete { "deleting" } else { "writing" },
            map.0,
            key_suffix(key)
        ),
        Op::MapWriteEnd { map, key, delete } => format!(
            "finishes {} map#{}{} (writing flag cleared)",
            if *delete { "deleting" } else { "writing" },
            map.0,
            key_suffix(key)
        ),
        Op::MapIterate { map, key: Some(k) } => {
            format!("iterates map#{} at {}", map.0, value_literal(k))
        }
        Op::MapIterate { map, key: None } => format!("finishes iterating map#{}", map.0),
        Op::Lock { mutex, kind } => {
            let m = pointer_name(mutex);
            match kind {
                LockOp::Lock => format!("locks mutex {m}"),
                LockOp::Unlock => format!("unlocks mutex {m}"),
                LockOp::RLock => format!("read-locks mutex {m}"),
                LockOp::RUnlock => format!("read-unlocks mutex {m}"),
                LockOp::LockPending => {
                    format!("waits for readers of mutex {m} (new readers now wait)")
                }
                LockOp::TryFailed => format!("fails to try-lock mutex {m}"),
            }
        }
        Op::Send {
            chan,
            value,
            to: Some(to),
        } => {
            format!(
                "sends {} on chan#{} to goroutine {}",
                value_literal(value),
                chan.0,
                go_id(*to)
            )
        }
        Op::Send {
            chan,
            value,
            to: None,
        } => format!("sends {} on chan#{}", value_literal(value), chan.0),
        Op::Recv {
            chan, ok: false, ..
        } => format!("receives from closed chan#{}", chan.0),
        Op::Recv {
            chan,
            value,
            from: Some(from),
            ..
        } => {
            format!(
                "receives {} on chan#{} from goroutine {}",
                value_literal(value),
                chan.0,
                go_id(*from)
            )
        }
        Op::Recv { chan, value, .. } => {
            format!("receives {} on chan#{}", value_literal(value), chan.0)
        }
        Op::SendOnClosed { chan } => format!("sends on closed chan#{}", chan.0),
        Op::Close { chan } => format!("closes chan#{}", chan.0),
        Op::ChanLen { chan, len } => format!("reads len(chan#{}) = {len}", chan.0),
        Op::Select { case: Some(c) } => format!("selects case {}", c + 1),
        Op::Select { case: None } => "selects default".into(),
        Op::WaitGroupAdd { wg, delta, counter } => {
            format!(
                "adds {delta} to WaitGroup {} (counter {counter})",
                pointer_name(wg)
            )
        }
        Op::WaitGroupWait { wg } => format!("returns from WaitGroup {}.Wait", pointer_name(wg)),
        Op::WaitGroupBlock { wg } => format!("waits on WaitGroup {}", pointer_name(wg)),
        Op::WaitGroupWake { wg, waiters } => {
            format!(
                "wakes {waiters} waiter(s) of WaitGroup {}",
                pointer_name(wg)
            )
        }
        Op::OnceDo { once, ran: true } => format!("runs Once {}'s function", pointer_name(once)),
        Op::OnceDo { once, ran: false } => {
            format!("skips Once {} (already done)", pointer_name(once))
        }
        Op::OnceDone { once } => format!("completes Once {}", pointer_name(once)),
        Op::Runtime { call, arg, result } => runtime_words(call, *arg, *result),
        Op::Cond { cond, kind } => format!("Cond {}: {}", pointer_name(cond), cond_words(*kind)),
        Op::SyncMap { map, step } => format!("sync.Map {}: {step}", pointer_name(map)),
        Op::Atomic { ptr, name, value } => {
            format!(
                "atomic {name} {} → {}",
                pointer_name(ptr),
                value_literal(value)
            )
        }
        Op::Go { child } => format!("starts goroutine {}", go_id(*child)),
        Op::Exit => "exits".into(),
        Op::Sleep { until } => format!("sleeps until t={}ns", until),
        Op::Wake => "wakes up".into(),
        Op::Context { ctx, call } => {
            let ctx = ctx
                .as_ref()
                .map(pointer_name)
                .unwrap_or_else(|| "a context".into());
            context_words(&ctx, call)
        }
        Op::Timer { timer, op } => {
            let timer = timer.as_ref().map(pointer_name).unwrap_or_default();
            timer_words(&timer, *op, &|c| format!("chan#{}", c.0))
        }
        Op::Print { text, stderr } => {
            format!(
                "prints {:?}{}",
                text,
                if *stderr { " to stderr" } else { "" }
            )
        }
        Op::FileWait { fd } => format!("waits for {}'s lock", file_name(*fd)),
        Op::FileUnlock { fd } => format!("unlocks {}", file_name(*fd)),
        Op::Block { reason } => format!("blocks [{}]", reason.as_str()),
        Op::Panic { message } => format!("panics: {message}"),
        Op::Fatal { message } => format!("stops the program: {message}"),
    }
}

/// `racemap run --trace`: the run that made `schedule` (on a machine with `config`), replayed
/// one step at a time, one line per event: `STEP  goroutine N  PHRASE  prog.go:LINE`. Goroutines
/// have Go's numbers (the race reports' ones); objects have the source names the visualizer
/// shows ([`Names`] at the end of the run: `m`, `wg`, `c.mu`), and the phrases are its
/// timeline's. A rendezvous step has a line per goroutine, under the same step number.
pub fn trace(program: &Rc<Program>, config: Config, schedule: &Schedule) -> Vec<String> {
    // Each move replays in the wake order it was made in (explorer schedules may wake a
    // sleeper early; a run's own moves were made on the running clock).
    let config = Config {
        wake_order: schedule.wake_order_at(0),
        ..config
    };
    let mut machine = Machine::new(program.clone(), config);
    let mut learned = Learned::default();
    learned.settle(program, &machine);
    // (step, its events, their channel messages formatted with the heap of that step)
    let mut steps: Vec<(usize, Vec<Event>, Vec<Option<String>>)> = Vec::new();
    for (i, choice) in schedule.choices.iter().enumerate() {
        machine.set_wake_order(schedule.wake_order_at(i));
        learned.remember(program, &machine, choice.gid);
        let mut events = machine.step(*choice);
        events.retain(|e| !matches!(e.op, Op::Init { .. }));
        let mut messages = Vec::new();
        for event in &events {
            learned.learn(program, &machine, event);
            messages.push(words::message_text(&event.op, &machine, &|| {
                Names::at(program, &machine, &learned)
            }));
        }
        learned.settle(program, &machine);
        steps.push((i + 1, events, messages));
    }
    let names = Names::at(program, &machine, &learned);
    let go_id = |g: Gid| machine.go_id(g);
    let map = &program.source_map;
    let mut lines = Vec::new();
    for (step, events, messages) in &steps {
        for (i, (event, message)) in events.iter().zip(messages).enumerate() {
            lines.push(format!(
                "{step:>5}  goroutine {:<3} {}  {}:{}",
                go_id(event.gid),
                words::event_phrase(events, i, &names, &go_id, message.as_deref(), map),
                map.file_name,
                map.line(event.span.lo)
            ));
        }
    }
    lines
}

/// A `sync.Cond` step in words: `Wait takes ticket 0`, `Signal wakes a waiter`.
pub fn cond_words(kind: crate::rt::event::CondOp) -> String {
    use crate::rt::event::CondOp;
    match kind {
        CondOp::Enqueue { ticket } => format!("Wait takes ticket {ticket}"),
        CondOp::Woken { ticket } => format!("Wait (ticket {ticket}) is notified"),
        CondOp::Signal { woke: true } => "Signal notifies a waiter".to_string(),
        CondOp::Signal { woke: false } => "Signal finds no waiter".to_string(),
        CondOp::Broadcast { woke } => format!("Broadcast notifies {woke} waiter(s)"),
    }
}

/// `runtime.Gosched()` / `runtime.NumGoroutine()` in words.
pub fn runtime_words(call: &str, arg: Option<i64>, result: Option<i64>) -> String {
    if let (Some(code), "os.Exit") = (result, call) {
        return format!("calls os.Exit({code}): the program ends");
    }
    if let (Some(n), Some(was)) = (arg, result) {
        return if n < 1 {
            format!("calls runtime.{call}({n}) = {was}")
        } else {
            format!("calls runtime.{call}({n}): it was {was}")
        };
    }
    match result {
        Some(n) => format!("calls runtime.{call}() = {n}"),
        None => format!("calls runtime.{call}()"),
    }
}

/// A clock or timer operation in words, the timer named `timer` (its `Timer` variable) and
/// channels by `chan_name`: `starts a 5ms timer (time.After)`, `stops timer t`, `the timer
/// fires: sends the time on done`.
pub fn timer_words(
    timer: &str,
    op: crate::rt::event::TimerOp,
    chan_name: &dyn Fn(crate::rt::value::ChanId) -> String,
) -> String {
    use crate::rt::event::TimerOp;
    use crate::rt::timer::duration_string;
    let timer = timer.strip_suffix(".r").unwrap_or(timer);
    match op {
        TimerOp::Now => "reads the clock".into(),
        TimerOp::Arm { after, made_by, .. } => {
            format!("starts a {} timer ({made_by})", duration_string(after))
        }
        TimerOp::Stop { was_armed: true } => format!("stops timer {timer} before it fires"),
        TimerOp::Stop { was_armed: false } => {
            format!("stops timer {timer} (it already fired or was stopped)")
        }
        TimerOp::Reset { after, .. } => {
            format!("resets timer {timer} to fire in {}", duration_string(after))
        }
        TimerOp::Fire { chan: Some(c) } => {
            format!("the timer fires: sends the time on {}", chan_name(c))
        }
        TimerOp::Fire { chan: None } => {
            "the timer fires: starts its function in a new goroutine".into()
        }
        TimerOp::Dropped => {
            format!("timer {timer} fires, but its channel is full: the tick is dropped")
        }
    }
}

/// A call of package `context` on the context named `ctx` in words: `makes ctx
/// (context.WithTimeout)`, `cancel() cancels ctx (context canceled)`.
pub fn context_words(ctx: &str, call: &str) -> String {
    match call {
        "WithCancel" | "WithTimeout" | "WithDeadline" => format!("makes {ctx} (context.{call})"),
        "Done" | "Err" => format!("calls {ctx}.{call}()"),
        "WithCancel.func1" => format!("cancel() cancels {ctx} (context canceled)"),
        "WithCancel.func1 (already canceled)" => format!("cancel() finds {ctx} already canceled"),
        "WithDeadline.func2" => {
            format!("{ctx}'s deadline passes: cancels it (context deadline exceeded)")
        }
        other => format!("calls context.{other} on {ctx}"),
    }
}

/// Go's name of the file with descriptor `fd`.
pub(crate) fn file_name(fd: i64) -> String {
    match fd {
        1 => "os.Stdout".into(),
        2 => "os.Stderr".into(),
        _ => format!("file {fd}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::event::Gid;
    use crate::rt::value::MapId;

    #[test]
    fn map_write_phrases_name_the_key_and_the_flag() {
        let id = |g: Gid| if g == Gid::MAIN { 1 } else { g.0 as u64 + 5 };
        let begin = Op::MapWriteBegin {
            map: MapId(0),
            key: Some(Value::str("k1")),
            delete: false,
        };
        assert_eq!(
            op_phrase(&begin, &id),
            "starts writing map#0[\"k1\"] (writing flag set)"
        );
        let send = Op::Send {
            chan: crate::rt::value::ChanId(2),
            value: Value::Int(4),
            to: Some(Gid(1)),
        };
        assert_eq!(op_phrase(&send, &id), "sends 4 on chan#2 to goroutine 6");
    }
}
