//! Runtime timers (`time.After`, `time.NewTimer`, `time.AfterFunc`, `time.NewTicker`,
//! `time.Tick`), after Go 1.19's `runtime/time.go` and `time/sleep.go`, on the virtual clock.
//!
//! A timer is armed with a deadline `when`. While it is armed, a *runtime goroutine* of the
//! machine sleeps until `when` and then fires it (`Visible::TimerFire`): a channel timer does
//! Go's `sendTime`, a non-blocking send of the current time on its buffered(1) channel (a tick
//! that finds the buffer full is dropped); an `AfterFunc` timer does Go's `goFunc`, `go f()`.
//! A ticker then re-arms itself `period` later. `Stop` disarms a timer that has not fired yet
//! (its runtime goroutine ends) and says whether it did; `Reset` is `Stop` and a new deadline.
//!
//! Because the fire is a sleeper's wake-up, everything the scheduler does with sleeps applies:
//! in virtual time a timer fires only when no goroutine can move and it is due first; the
//! explorer (`WakeOrder::AnyTime`) lets it fire at any time after it was armed, as a loaded
//! machine may (a ticker at most [`MAX_EARLY_TICKS`] times per run, and never into a full
//! channel, where the tick would be dropped; without that bound in replays and in the stateful
//! search, with the clock frozen for a program that cannot show it:
//! `WakeOrder::AnyTimeUnbounded`, `WakeOrder::Timeless`). And as in Go (`checkdead` returns while timers are pending), a program whose
//! goroutines are all blocked is not deadlocked while a timer is armed: the timer fires first.
//!
//! Memory model (the race detector's `racerelease` in `addtimer`/`modtimer` and `raceacquire`
//! in `runOneTimer`): the runtime goroutine is spawned by the arming call, so its fire, the
//! value it sends and the goroutine `AfterFunc` starts happen after the arming.
//!
//! Runtime goroutines are the runtime's, not the program's: goroutine dumps, leak reports and
//! `runtime.NumGoroutine` leave them out.

use crate::rt::event::Gid;

/// How many times a ticker may fire ahead of virtual time in one run of a bounded search
/// (`WakeOrder::AnyTime`). A ticker and a goroutine consuming its ticks can otherwise take
/// turns forever while the rest of the program waits, so a stateless search would never end;
/// two early ticks show what a consumer does when ticks come faster than the program runs.
pub const MAX_EARLY_TICKS: u32 = 2;
use crate::rt::value::{ChanId, Value};

/// What a timer does when it fires.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub enum TimerAction {
    /// The zero `time.Timer`: Go panics `time: Stop called on uninitialized Timer`.
    #[default]
    None,
    /// Send the current time on this buffered(1) channel without blocking (`sendTime`).
    Send(ChanId),
    /// Start `go f()` (`goFunc` of `time.AfterFunc`).
    Func(Value),
    /// Cancel the deadline context at this address with `context.DeadlineExceeded`
    /// (`rt::context`).
    CancelContext(crate::rt::value::Pointer),
}

/// The state of one runtime timer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimerState {
    /// What firing does.
    pub action: TimerAction,
    /// A ticker's period in nanoseconds; 0 for a one-shot timer.
    pub period: i64,
    /// The runtime goroutine that fires it, while it is armed.
    // Invariant: `Some(g)` ⇔ goroutine `g` is alive and parked at this timer's fire.
    pub armed: Option<Gid>,
    /// The virtual time (ns) it fires at (the last deadline once it is disarmed).
    pub when: i64,
    /// How many times it fired.
    pub fired: u32,
    /// How many of its fires came before virtual time let them (under
    /// `WakeOrder::AnyTime`); a ticker fires early at most [`MAX_EARLY_TICKS`] times in a run.
    pub early_fires: u32,
    /// The call that made it (`time.After`, `time.NewTicker`, …), for the page and the
    /// explorer's notes.
    pub made_by: &'static str,
    /// Where the program made it (the call of `made_by`).
    pub made_at: crate::diag::Span,
}

/// Everything but [`TimerState::fired`], which only the page shows: how often a ticker fired
/// decides nothing, and states that differ only in it are one state to the explorer.
impl std::hash::Hash for TimerState {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let TimerState {
            action,
            period,
            armed,
            when,
            fired: _,
            early_fires,
            made_by,
            made_at,
        } = self;
        action.hash(h);
        period.hash(h);
        armed.hash(h);
        when.hash(h);
        early_fires.hash(h);
        made_by.hash(h);
        made_at.hash(h);
    }
}

impl TimerState {
    /// A timer made by `made_by`, not armed yet.
    pub fn new(made_by: &'static str, action: TimerAction, period: i64) -> TimerState {
        TimerState {
            action,
            period,
            armed: None,
            when: 0,
            fired: 0,
            early_fires: 0,
            made_by,
            made_at: crate::diag::Span::default(),
        }
    }

    /// The channel it sends on, if it is a channel timer.
    pub fn chan(&self) -> Option<ChanId> {
        match self.action {
            TimerAction::Send(c) => Some(c),
            _ => None,
        }
    }

    /// The deadline after a fire at `now` of a ticker (Go's `when += period * (1 + (now -
    /// when) / period)`), `None` for a one-shot timer.
    pub fn next_when(&self, now: i64) -> Option<i64> {
        if self.period <= 0 {
            return None;
        }
        let behind = (now - self.when).max(0) / self.period;
        Some(
            self.when
                .saturating_add(self.period.saturating_mul(1 + behind)),
        )
    }
}

/// `time.Duration.String()` of Go 1.19's `time/time.go`: `1.5s`, `2h3m0.5s`, `300ms`, `1µs`,
/// `0s`.
pub fn duration_string(d: i64) -> String {
    // Built right to left, as Go fills its buffer.
    let mut out: Vec<char> = Vec::new();
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    // The fraction of v/10**prec, without trailing zeros nor a lone point.
    let frac = |out: &mut Vec<char>, mut v: u64, prec: u32| -> u64 {
        let mut print = false;
        for _ in 0..prec {
            let digit = (v % 10) as u8;
            print = print || digit != 0;
            if print {
                out.push(char::from(b'0' + digit));
            }
            v /= 10;
        }
        if print {
            out.push('.');
        }
        v
    };
    let int = |out: &mut Vec<char>, v: u64| out.extend(v.to_string().chars().rev());
    if u < 1_000_000_000 {
        let (prec, unit) = match u {
            0 => return "0s".into(),
            1..=999 => (0, "ns"),
            1_000..=999_999 => (3, "µs"),
            _ => (6, "ms"),
        };
        out.extend(unit.chars().rev());
        u = frac(&mut out, u, prec);
        int(&mut out, u);
    } else {
        out.push('s');
        u = frac(&mut out, u, 9);
        int(&mut out, u % 60);
        u /= 60;
        if u > 0 {
            out.push('m');
            int(&mut out, u % 60);
            u /= 60;
            if u > 0 {
                out.push('h');
                int(&mut out, u);
            }
        }
    }
    if neg {
        out.push('-');
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticker_skips_the_ticks_it_fell_behind_on() {
        let mut t = TimerState::new("time.NewTicker", TimerAction::None, 10);
        t.when = 10;
        assert_eq!(t.next_when(10), Some(20));
        assert_eq!(t.next_when(35), Some(40));
        let one_shot = TimerState::new("time.After", TimerAction::None, 0);
        assert_eq!(one_shot.next_when(5), None);
    }

    /// Texts checked with Go 1.19 (`fmt.Println` of each duration).
    #[test]
    fn durations_print_as_go() {
        let cases = [
            (0, "0s"),
            (1, "1ns"),
            (1_500, "1.5µs"),
            (300_000_000, "300ms"),
            (1_000_000_000, "1s"),
            (1_500_000_000, "1.5s"),
            (7_380_500_000_000, "2h3m0.5s"),
            (-2_000_000, "-2ms"),
            (60_000_000_000, "1m0s"),
        ];
        for (d, text) in cases {
            assert_eq!(duration_string(d), text, "{d}");
        }
    }
}
