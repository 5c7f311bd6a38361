//! Timers and contexts in plain words: each runtime timer (`time.After`, `time.NewTimer`,
//! `time.AfterFunc`, tickers) with when it fires on the virtual clock, whether it is still armed,
//! how often it fired and the channel it sends on; each context with its kind and whether it is
//! canceled, and each with the line that made it. Durations are written as Go's `time.Duration`
//! prints them (`10ms`, `1.5s`, `0s`), by the runtime's own formatter.

use racemap::playback::view::{ContextInfo, TimerInfo};
use racemap::playback::View;
use racemap::rt::timer::duration_string as go_duration;
use yew::prelude::*;

use crate::state::Shared;

/// Properties of [`TimersPanel`].
#[derive(Properties, PartialEq)]
pub struct TimersPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

/// One timer in a sentence: `time.After at line 17: fires at 10ms (now 0s), on channel done`,
/// `time.NewTimer at line 11: stopped before firing (deadline was 5ms, now 1ms)`,
/// `context.WithTimeout at line 9: fires at 5ms (now 0s), then cancels its context (context
/// deadline exceeded)`, `time.NewTicker at line 8 every 5ms: next tick at 15ms (now 10ms),
/// fired 2×, on channel t.C`.
pub fn timer_sentence(t: &TimerInfo) -> String {
    let ticker = t.period > 0;
    let maker = if ticker {
        format!(
            "{} at line {} every {}",
            t.made_by,
            t.line,
            go_duration(t.period)
        )
    } else {
        format!("{} at line {}", t.made_by, t.line)
    };
    let (at, now) = (go_duration(t.deadline), go_duration(t.now));
    let mut state = match (t.armed, ticker, t.fired) {
        (true, true, _) => format!("next tick at {at} (now {now})"),
        (true, false, _) => format!("fires at {at} (now {now})"),
        (false, false, 0) => format!("stopped before firing (deadline was {at}, now {now})"),
        (false, false, 1) => format!("fired at {at} (now {now})"),
        (false, false, _) => format!("not armed, last deadline {at} (now {now})"),
        (false, true, _) => format!("stopped (now {now})"),
    };
    if t.fired > 1 || (ticker && t.fired > 0) || (t.armed && t.fired > 0) {
        state.push_str(&format!(", fired {}×", t.fired));
    }
    let target = match &t.chan {
        Some(c) => format!(", on channel {c}"),
        None if t.made_by.starts_with("context.") => {
            ", then cancels its context (context deadline exceeded)".to_string()
        }
        None => ", runs its function in a new goroutine".to_string(),
    };
    format!("{maker}: {state}{target}")
}

/// One context in a sentence: `ctx (context.WithTimeout at line 9): canceled (context deadline
/// exceeded)`, `ctx (context.WithCancel at line 10): live, 1 child`, `ctx (context.WithDeadline
/// at line 9): live until 5ms`, `unnamed variable 1 (context.Background)`.
pub fn context_sentence(c: &ContextInfo) -> String {
    let maker = match c.line {
        Some(line) => format!("{} at line {line}", c.made_by),
        None => c.made_by.clone(),
    };
    let head = format!("{} ({maker})", c.name);
    if let Some(error) = &c.error {
        return format!("{head}: canceled ({error})");
    }
    if !c.cancelable {
        return head;
    }
    let mut state = match c.deadline {
        Some(d) => format!("live until {}", go_duration(d)),
        None => "live".to_string(),
    };
    match c.children {
        0 => {}
        1 => state.push_str(", 1 child"),
        n => state.push_str(&format!(", {n} children")),
    }
    format!("{head}: {state}")
}

fn timer(t: &TimerInfo) -> Html {
    html! {
        <li class={classes!("timer", t.armed.then_some("armed"))} aria-label={format!("timer {}", t.name)}>
            <code>{ t.name.clone() }</code>{ " · " }{ timer_sentence(t) }
        </li>
    }
}

/// The program's timers, under the channels they send on.
#[function_component(TimersPanel)]
pub fn timers_panel(props: &TimersPanelProps) -> Html {
    let view = &props.view;
    if view.timers.is_empty() {
        return html! {};
    }
    html! {
        <section class="timers" aria-label="timers">
            <h3>{ "Timers" }</h3>
            <ul class="timer-list">{ for view.timers.iter().map(timer) }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use racemap::playback::{Playback, PlaybackConfig};

    fn timer_info(armed: bool, period: i64, fired: u32) -> TimerInfo {
        TimerInfo {
            name: "t".into(),
            made_by: if period > 0 {
                "time.NewTicker"
            } else {
                "time.NewTimer"
            }
            .into(),
            armed,
            deadline: 10_000_000,
            period,
            fired,
            chan: Some("t.C".into()),
            now: 5_000_000,
            line: 11,
        }
    }

    #[test]
    fn a_timer_reads_armed_fired_stopped_and_ticking() {
        assert_eq!(
            timer_sentence(&timer_info(true, 0, 0)),
            "time.NewTimer at line 11: fires at 10ms (now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(false, 0, 1)),
            "time.NewTimer at line 11: fired at 10ms (now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(false, 0, 0)),
            "time.NewTimer at line 11: stopped before firing (deadline was 10ms, now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(true, 5_000_000, 2)),
            "time.NewTicker at line 11 every 5ms: next tick at 10ms (now 5ms), fired 2×, on channel t.C"
        );
        let mut after_func = timer_info(true, 0, 0);
        after_func.made_by = "time.AfterFunc".into();
        after_func.chan = None;
        assert_eq!(
            timer_sentence(&after_func),
            "time.AfterFunc at line 11: fires at 10ms (now 5ms), runs its function in a new goroutine"
        );
        after_func.made_by = "context.WithTimeout".into();
        assert_eq!(
            timer_sentence(&after_func),
            "context.WithTimeout at line 11: fires at 10ms (now 5ms), then cancels its context (context deadline exceeded)"
        );
    }

    fn context_info(made_by: &str, deadline: Option<i64>, error: Option<&str>) -> ContextInfo {
        ContextInfo {
            name: "ctx".into(),
            made_by: made_by.into(),
            line: Some(9),
            deadline,
            cancelable: true,
            error: error.map(String::from),
            children: 0,
        }
    }

    #[test]
    fn contexts_read_plainly() {
        assert_eq!(
            context_sentence(&context_info(
                "context.WithTimeout",
                Some(5_000_000),
                Some("context deadline exceeded")
            )),
            "ctx (context.WithTimeout at line 9): canceled (context deadline exceeded)"
        );
        assert_eq!(
            context_sentence(&context_info(
                "context.WithCancel",
                None,
                Some("context canceled")
            )),
            "ctx (context.WithCancel at line 9): canceled (context canceled)"
        );
        let mut live = context_info("context.WithDeadline", Some(1_500_000_000), None);
        assert_eq!(
            context_sentence(&live),
            "ctx (context.WithDeadline at line 9): live until 1.5s"
        );
        live.children = 2;
        assert_eq!(
            context_sentence(&live),
            "ctx (context.WithDeadline at line 9): live until 1.5s, 2 children"
        );
        let background = ContextInfo {
            name: "unnamed variable 1".into(),
            made_by: "context.Background".into(),
            line: None,
            deadline: None,
            cancelable: false,
            error: None,
            children: 1,
        };
        assert_eq!(
            context_sentence(&background),
            "unnamed variable 1 (context.Background)"
        );
    }

    /// A real program: `time.After` armed, the `WithTimeout` context canceled when its
    /// deadline passes, as the panel words them at each step.
    #[test]
    fn a_program_with_time_after_and_with_timeout_reads_plainly() {
        let src = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)\n\tdefer cancel()\n\tselect {\n\tcase <-time.After(10 * time.Millisecond):\n\t\tfmt.Println(\"timer\")\n\tcase <-ctx.Done():\n\t\tfmt.Println(ctx.Err())\n\t}\n}\n";
        let mut p = Playback::new(src, PlaybackConfig::default()).expect("compiles");
        let (mut armed, mut canceled) = (None, None);
        while p.step_auto().is_ok() {
            let v = p.view();
            for t in &v.timers {
                let s = timer_sentence(t);
                if t.made_by == "time.After" && t.armed && armed.is_none() {
                    armed = Some(s);
                }
            }
            for c in &v.contexts {
                let s = context_sentence(c);
                if s.contains("canceled") && canceled.is_none() {
                    canceled = Some(s);
                }
            }
        }
        let armed = armed.expect("time.After is armed at some step");
        assert!(
            armed.starts_with("time.After at line 13: fires at 10ms (now 0s), on channel "),
            "{armed}"
        );
        assert_eq!(
            canceled.as_deref(),
            Some("ctx (context.WithTimeout at line 10): canceled (context deadline exceeded)")
        );
        assert_eq!(p.view().console.stdout, "context deadline exceeded\n");
    }
}
