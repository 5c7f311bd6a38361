//! The `time` package's clock and timer calls, and a runtime goroutine firing a timer (see
//! `rt::timer` for the model).

use super::*;
use crate::rt::event::{StackFrame, TimerOp};
use crate::rt::goroutine::Goroutine;
use crate::rt::timer::{TimerAction, TimerState};
use crate::rt::value::Pointer;
use crate::types::{TypeId, TypeKind};
use std::rc::Rc;

impl Machine {
    /// A wake-up at virtual time `until`: the clock rises to it, unless it is frozen
    /// ([`crate::rt::config::WakeOrder::Timeless`]).
    pub(super) fn raise_clock(&mut self, until: i64) {
        if !self.config.wake_order.freezes_clock() {
            self.clock = self.clock.max(until);
        }
    }

    /// A `time.Time` of the virtual clock now (`struct { wall int64 }`, see [`time_at`]).
    fn now_value(&self) -> Value {
        time_at(self.clock)
    }

    /// A visible call of package `time` other than `Sleep`, or a method of `Timer`/`Ticker`:
    /// runs it and returns its results.
    pub(super) fn time_call(&mut self, gid: Gid, func: LibFunc, args: &[Value]) -> R<Vec<Value>> {
        let d = || int(arg(args, 0)?);
        let timer_ptr = || match args.first() {
            Some(Value::Ptr(Some(p))) => Ok(p.clone()),
            _ => Err(Fault::Rt(RtError::nil_deref())),
        };
        Ok(match func {
            LibFunc::TimeNow => {
                self.emit_timer_op(gid, None, TimerOp::Now, Vec::new());
                vec![self.now_value()]
            }
            LibFunc::TimeSince | LibFunc::TimeUntil => {
                // (Go's `Sub` saturates: the zero `Time` is centuries before now.)
                let d = match (func, time_wall(arg(args, 0)?)?) {
                    (LibFunc::TimeUntil, Some(t)) => t.saturating_sub(self.clock),
                    (LibFunc::TimeUntil, None) => i64::MIN,
                    (_, Some(t)) => self.clock.saturating_sub(t),
                    (_, None) => i64::MAX,
                };
                self.emit_timer_op(gid, None, TimerOp::Now, Vec::new());
                vec![Value::Int(d)]
            }
            LibFunc::TimeAfter | LibFunc::TimeTick | LibFunc::TimeNewTimer => {
                let d = d()?;
                if func == LibFunc::TimeTick && d <= 0 {
                    return Ok(vec![Value::Chan(None)]);
                }
                let period = if func == LibFunc::TimeTick { d } else { 0 };
                let c = self.timer_chan()?;
                let name = match func {
                    LibFunc::TimeAfter => "time.After",
                    LibFunc::TimeTick => "time.Tick",
                    _ => "time.NewTimer",
                };
                let (timer, p) =
                    self.new_timer(gid, name, TimerAction::Send(c), period, Some(c))?;
                self.arm_timer(gid, &p, d, arm_op(d, name))?;
                match func {
                    LibFunc::TimeNewTimer => vec![Value::Ptr(Some(timer))],
                    _ => vec![Value::Chan(Some(c))],
                }
            }
            LibFunc::TimeNewTicker => {
                let d = d()?;
                if d <= 0 {
                    return Err(
                        RtError::library_panic("non-positive interval for NewTicker").into(),
                    );
                }
                let c = self.timer_chan()?;
                let (timer, p) =
                    self.new_timer(gid, "time.NewTicker", TimerAction::Send(c), d, Some(c))?;
                self.arm_timer(gid, &p, d, arm_op(d, "time.NewTicker"))?;
                vec![Value::Ptr(Some(timer))]
            }
            LibFunc::TimeAfterFunc => {
                let f = arg(args, 1)?.clone();
                let d = d()?;
                let (timer, p) =
                    self.new_timer(gid, "time.AfterFunc", TimerAction::Func(f), 0, None)?;
                self.arm_timer(gid, &p, d, arm_op(d, "time.AfterFunc"))?;
                vec![Value::Ptr(Some(timer))]
            }
            LibFunc::TimerStop | LibFunc::TickerStop => {
                let p = timer_ptr()?;
                self.check_initialized(&p, func)?;
                let was_armed = self.disarm_timer(&p)?;
                self.emit_timer_op(gid, Some(p), TimerOp::Stop { was_armed }, Vec::new());
                if func == LibFunc::TimerStop {
                    vec![Value::Bool(was_armed)]
                } else {
                    Vec::new()
                }
            }
            LibFunc::TimerReset | LibFunc::TickerReset => {
                let p = timer_ptr()?;
                let d = int(arg(args, 1)?)?;
                self.check_initialized(&p, func)?;
                if func == LibFunc::TickerReset {
                    if d <= 0 {
                        return Err(RtError::library_panic(
                            "non-positive interval for Ticker.Reset",
                        )
                        .into());
                    }
                    if let SyncState::Timer(t) = self.heap.sync_mut(&p)? {
                        t.period = d;
                    }
                }
                let was_armed = self.disarm_timer(&p)?;
                self.arm_timer(gid, &p, d, |when| TimerOp::Reset {
                    was_armed,
                    when,
                    after: d,
                })?;
                if func == LibFunc::TimerReset {
                    vec![Value::Bool(was_armed)]
                } else {
                    Vec::new()
                }
            }
            _ => return Err(missing("a time function").into()),
        })
    }

    /// A Timer or Ticker made by a composite literal has no runtime timer: Go panics.
    fn check_initialized(&self, p: &Pointer, func: LibFunc) -> R<()> {
        match self.heap.sync(p)? {
            SyncState::Timer(t) if t.action != TimerAction::None => Ok(()),
            _ => {
                let msg = match func {
                    LibFunc::TimerStop => "time: Stop called on uninitialized Timer",
                    LibFunc::TimerReset => "time: Reset called on uninitialized Timer",
                    _ => "time: Stop called on uninitialized Ticker",
                };
                Err(RtError::library_panic(msg).into())
            }
        }
    }

    /// A new buffered(1) `chan Time`.
    fn timer_chan(&mut self) -> R<crate::rt::value::ChanId> {
        let elem = self.named_type("time", "Time");
        Ok(self
            .heap
            .alloc_chan(&self.config, crate::rt::chan::ChanObj::new(elem, 1))?)
    }

    /// A new `Timer`/`Ticker` struct `{ C: chan, r: state }`: its address and the address of
    /// `r`.
    pub(super) fn new_timer(
        &mut self,
        gid: Gid,
        made_by: &'static str,
        action: TimerAction,
        period: i64,
        chan: Option<crate::rt::value::ChanId>,
    ) -> R<(Pointer, Pointer)> {
        let mut timer = TimerState::new(made_by, action, period);
        timer.made_at = self.goroutines[gid.0 as usize].next_span;
        let state = Value::Sync(Box::new(SyncState::Timer(Box::new(timer))));
        let cell = Value::Struct(Box::new([Value::Chan(chan), state]));
        let obj = self.heap.alloc(&self.config, cell, None)?;
        let root = Pointer::root(obj);
        let r = root.child(1);
        Ok((root, r))
    }

    /// Arm the timer at `p` to fire `d` from now: start its runtime goroutine, which happens
    /// after everything the arming goroutine did (Go's `racerelease` in `addtimer`).
    pub(super) fn arm_timer(
        &mut self,
        gid: Gid,
        p: &Pointer,
        d: i64,
        op: impl Fn(i64) -> TimerOp,
    ) -> R<()> {
        if self.goroutines.len() as u64 >= u64::from(self.config.max_goroutines) {
            return Err(LimitHit::Goroutines(self.config.max_goroutines).into());
        }
        let when = self.clock.saturating_add(d.max(0));
        let child = Gid(self.goroutines.len() as u32);
        let mut g = Goroutine::new(child, (0, 0), self.program.main, None);
        g.runtime = true;
        g.status = GoStatus::Sleeping(when);
        g.slept_at = self.clock;
        g.next = Some(Visible::TimerFire(p.clone()));
        g.next_span = self.goroutines[gid.0 as usize].next_span;
        self.goroutines.push(g);
        if let SyncState::Timer(t) = self.heap.sync_mut(p)? {
            t.armed = Some(child);
            t.when = when;
        }
        self.emit_timer_op(gid, Some(p.clone()), op(when), vec![Effect::Spawn(child)]);
        Ok(())
    }

    /// Disarm the timer at `p`: its runtime goroutine ends. Whether it was armed.
    pub(super) fn disarm_timer(&mut self, p: &Pointer) -> R<bool> {
        let armed = match self.heap.sync_mut(p)? {
            SyncState::Timer(t) => t.armed.take(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let Some(g) = armed else { return Ok(false) };
        let g = self.g(g);
        g.status = GoStatus::Done;
        g.next = None;
        Ok(true)
    }

    /// Runtime goroutine `gid` fires the timer at `p` (its wake-up at virtual time `until`):
    /// `sendTime` or `goFunc`, then a ticker re-arms and a one-shot timer's goroutine ends.
    pub(super) fn fire_timer(&mut self, gid: Gid, p: Pointer, until: i64) -> R<()> {
        self.raise_clock(until);
        let frozen = self.config.wake_order.freezes_clock().then_some(self.clock);
        if !self.timer_ctx_numbered {
            self.timer_ctx_numbered = true;
            self.go_ids_taken += 1;
        }
        let (action, next_when) = match self.heap.sync_mut(&p)? {
            SyncState::Timer(t) => {
                t.fired += 1;
                // A frozen clock: the next deadline is one period after it, as every other.
                let next = match frozen {
                    Some(now) if t.period > 0 => Some(now.saturating_add(t.period)),
                    _ => t.next_when(until),
                };
                if next.is_none() {
                    t.armed = None;
                } else if let Some(w) = next {
                    t.when = w;
                }
                (t.action.clone(), next)
            }
            _ => return Err(missing("a timer").into()),
        };
        {
            let g = self.g(gid);
            g.status = GoStatus::Parked;
        }
        match action {
            TimerAction::Send(c) => {
                let now = self.now_value();
                if self.heap.chan(c).buf.len() < self.heap.chan(c).cap as usize {
                    let fire = TimerOp::Fire { chan: Some(c) };
                    self.emit_timer_op(gid, Some(p.clone()), fire, Vec::new());
                    let eff = self.heap.chan_mut(c).send(c, now.clone())?;
                    self.emit(
                        gid,
                        Op::Send {
                            chan: c,
                            value: now,
                            to: None,
                        },
                        eff,
                    );
                } else {
                    // The buffer is full: `sendTime`'s select takes its default.
                    self.emit_timer_op(gid, Some(p.clone()), TimerOp::Dropped, Vec::new());
                }
            }
            TimerAction::Func(f) => {
                let fire = TimerOp::Fire { chan: None };
                self.emit_timer_op(gid, Some(p.clone()), fire, Vec::new());
                self.go_statement(gid, f, Vec::new())?
            }
            TimerAction::CancelContext(ctx) => {
                let err = self.lib_var(LibFunc::ContextDeadlineExceeded)?;
                let mut eff = Vec::new();
                // The fire itself clears the context's timer; the cancel finds it gone.
                if let SyncState::Context(st) = self.heap.sync_mut(&ctx)? {
                    st.timer = None;
                }
                self.cancel_context(&ctx, err, true, &mut eff)?;
                self.emit(
                    gid,
                    Op::Context {
                        ctx: Some(ctx),
                        call: "WithDeadline.func2",
                    },
                    eff,
                );
            }
            TimerAction::None => {}
        }
        let g = self.g(gid);
        match next_when {
            Some(w) => {
                // A ticker's next period: Go's deadlines stay anchored where it was armed
                // (`when += period`), so `slept_at` keeps that time.
                g.status = GoStatus::Sleeping(w);
                g.next = Some(Visible::TimerFire(p));
            }
            None => {
                g.status = GoStatus::Done;
                g.next = None;
            }
        }
        Ok(())
    }

    /// The frame a runtime goroutine shows (`time.goFunc` starts `AfterFunc`'s goroutine,
    /// `time.sendTime` sends on a timer's channel).
    pub(crate) fn runtime_frame(&self, g: &Goroutine) -> StackFrame {
        let func_timer = match &g.next {
            Some(Visible::TimerFire(p)) => matches!(
                self.heap.sync(p),
                Ok(SyncState::Timer(t)) if matches!(t.action, TimerAction::Func(_))
            ),
            _ => true,
        };
        StackFrame {
            func: g.root,
            name: Rc::from(if func_timer {
                "time.goFunc"
            } else {
                "time.sendTime"
            }),
            span: crate::diag::Span::default(),
        }
    }

    /// The call that made the timer runtime goroutine `gid` fires (`time.After`), `None` when
    /// `gid` is not a runtime goroutine.
    pub fn timer_made_by(&self, gid: Gid) -> Option<&'static str> {
        match &self.goroutines.get(gid.0 as usize)?.next {
            Some(Visible::TimerFire(p)) => match self.heap.sync(p) {
                Ok(SyncState::Timer(t)) => Some(t.made_by),
                _ => None,
            },
            _ => None,
        }
    }

    fn emit_timer_op(&mut self, gid: Gid, timer: Option<Pointer>, op: TimerOp, eff: Vec<Effect>) {
        self.emit(gid, Op::Timer { timer, op }, eff);
    }

    /// The named library type `pkg.name` of the program's type table (`Invalid` when the
    /// program never mentions it).
    pub(crate) fn named_type(&self, pkg: &str, name: &str) -> TypeId {
        let types = &self.program.types;
        (0..types.len() as u32)
            .map(TypeId::from_index)
            .find(|&t| {
                matches!(types.kind(t), TypeKind::Named { name: n, pkg: p, .. } if n == name && p == pkg)
            })
            .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid))
    }
}

/// The `time.Time` at virtual time `ns` (`ns >= -1`). Its `wall` is `ns + 1`: `wall` 0 is the
/// zero `Time` (Go's January 1, year 1), which no time of a run equals (a run's times are
/// centuries after it in Go), and `time_at(-1)` is it (a deadline before every time of a run).
pub(super) fn time_at(ns: i64) -> Value {
    Value::Struct(Box::new([Value::Int(ns.saturating_add(1))]))
}

/// The virtual nanoseconds of a `time.Time` value; `None` for the zero `Time`.
pub(super) fn time_wall(v: &Value) -> R<Option<i64>> {
    match v {
        Value::Struct(fields) => {
            let wall = int(fields.first().ok_or_else(|| missing("Time.wall"))?)?;
            Ok((wall != 0).then(|| wall - 1))
        }
        _ => Err(missing("a time.Time").into()),
    }
}

/// `(Time).Sub(u)`, `Add(d)` and the comparisons `Before`, `After`, `Equal`, `IsZero`: local
/// computation.
/// A difference with the zero `Time` saturates as Go's `Sub` does (it is centuries away).
pub(super) fn time_method(func: LibFunc, args: &[Value]) -> R<Value> {
    let t = time_wall(arg(args, 0)?)?;
    let u = || time_wall(arg(args, 1)?);
    Ok(match func {
        // The zero `Time` moved by `d` is `i64::MIN + d` (centuries before every time of a
        // run, so comparisons and `Sub` saturate as Go's do); `d == 0` leaves it zero.
        LibFunc::TimeAdd => match (t, int(arg(args, 1)?)?) {
            (None, 0) => time_at(-1),
            (t, d) => time_at(t.unwrap_or(i64::MIN).saturating_add(d)),
        },
        LibFunc::TimeIsZero => Value::Bool(t.is_none()),
        LibFunc::TimeBefore => Value::Bool(t < u()?),
        LibFunc::TimeAfterMethod => Value::Bool(t > u()?),
        LibFunc::TimeEqual => Value::Bool(t == u()?),
        _ => Value::Int(match (t, u()?) {
            (Some(t), Some(u)) => t.saturating_sub(u),
            (Some(_), None) => i64::MAX,
            (None, Some(_)) => i64::MIN,
            (None, None) => 0,
        }),
    })
}

/// A method of `time.Duration` on `d` nanoseconds, as Go 1.19's `time/time.go`: `Seconds`,
/// `Minutes`, `Hours` add the remainder's fraction to the whole units; `Milliseconds`,
/// `Microseconds` truncate toward zero.
pub(super) fn duration_method(func: LibFunc, d: i64) -> Value {
    let float = |unit: i64| Value::Float((d / unit) as f64 + (d % unit) as f64 / unit as f64);
    match func {
        LibFunc::DurationString => Value::str(&crate::rt::timer::duration_string(d)),
        LibFunc::DurationSeconds => float(1_000_000_000),
        LibFunc::DurationMinutes => float(60_000_000_000),
        LibFunc::DurationHours => float(3_600_000_000_000),
        LibFunc::DurationMilliseconds => Value::Int(d / 1_000_000),
        LibFunc::DurationMicroseconds => Value::Int(d / 1_000),
        _ => Value::Int(d),
    }
}

/// `d.Round(m)`, `d.Truncate(m)` and `d.Abs()` as Go 1.19's `time/time.go`: `m <= 0` leaves
/// `d` alone; Round rounds halves away from zero and saturates at the int64 bounds.
pub(super) fn duration_rounded(func: LibFunc, d: i64, m: i64) -> i64 {
    let less_than_half = |x: i64| (x as u64).wrapping_add(x as u64) < m as u64;
    match func {
        LibFunc::DurationAbs => d.checked_abs().unwrap_or(i64::MAX),
        _ if m <= 0 => d,
        LibFunc::DurationTruncate => d - d % m,
        _ if d < 0 => {
            let r = -(d % m);
            if less_than_half(r) {
                d + r
            } else {
                d.checked_sub(m - r).unwrap_or(i64::MIN)
            }
        }
        _ => {
            let r = d % m;
            if less_than_half(r) {
                d - r
            } else {
                d.checked_add(m - r).unwrap_or(i64::MAX)
            }
        }
    }
}

/// The step of arming a new timer made by `made_by` to fire `after` ns from now.
pub(super) fn arm_op(after: i64, made_by: &'static str) -> impl Fn(i64) -> TimerOp {
    move |when| TimerOp::Arm {
        when,
        after,
        made_by,
    }
}
