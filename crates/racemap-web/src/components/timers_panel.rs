//! Timers and contexts in plain words: each runtime timer (`time.After`, `time.NewTimer`,
//! `time.AfterFunc`, tickers) with when it fires on the virtual clock, whether it is still armed,
//! how often it fired and the channel it sends on; each context with its kind and whether it is
//! canceled. Durations are written as Go's `time.Duration` prints them (`10ms`, `1.5s`, `0s`).

use racemap::playback::view::TimerInfo;
use racemap::playback::View;
use yew::prelude::*;

use crate::state::Shared;

/// Properties of [`TimersPanel`].
#[derive(Properties, PartialEq)]
pub struct TimersPanelProps {
    /// The view at the cursor.
    pub view: Shared<View>,
}

/// A virtual duration (ns) as Go's `time.Duration.String` prints it: `0s`, `750µs`, `10ms`,
/// `1.5s`, `2m0s`.
pub fn go_duration(ns: i64) -> String {
    if ns == 0 {
        return "0s".to_string();
    }
    let sign = if ns < 0 { "-" } else { "" };
    let u = ns.unsigned_abs();
    let decimal = |whole: u64, frac: u64, digits: usize| -> String {
        let frac = format!("{frac:0digits$}");
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{frac}")
        }
    };
    if u < 1_000 {
        return format!("{sign}{u}ns");
    }
    if u < 1_000_000 {
        return format!("{sign}{}µs", decimal(u / 1_000, u % 1_000, 3));
    }
    if u < 1_000_000_000 {
        return format!("{sign}{}ms", decimal(u / 1_000_000, u % 1_000_000, 6));
    }
    let secs = u / 1_000_000_000;
    let seconds = format!("{}s", decimal(secs % 60, u % 1_000_000_000, 9));
    let (minutes, hours) = ((secs / 60) % 60, secs / 3600);
    if hours > 0 {
        format!("{sign}{hours}h{minutes}m{seconds}")
    } else if minutes > 0 {
        format!("{sign}{minutes}m{seconds}")
    } else {
        format!("{sign}{seconds}")
    }
}

/// One timer in a sentence: `time.After: fires at 10ms (now 0s), on channel unnamed channel 2`,
/// `time.NewTimer: stopped before firing (deadline was 5ms)`,
/// `context.WithTimeout: fires at 5ms (now 0s), then cancels its context (context deadline exceeded)`,
/// `time.NewTicker every 5ms: next tick at 15ms (now 10ms), fired 2×, on channel t.C`.
pub fn timer_sentence(t: &TimerInfo) -> String {
    let ticker = t.period > 0;
    let maker = if ticker {
        format!("{} every {}", t.made_by, go_duration(t.period))
    } else {
        t.made_by.clone()
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

/// A context's state from the view's words (`WithDeadline t=5000000ns, canceled`,
/// `WithCancel, live, 1 child(ren)`, `Background`) in plain words:
/// `context.WithDeadline (deadline 5ms): canceled`, `context.WithCancel: live, 1 child`.
/// Words it does not recognise are shown as they are.
pub fn context_sentence(state: &str) -> String {
    let (kind, rest) = match state.split_once(", ") {
        Some((kind, rest)) => (kind, Some(rest)),
        None => (state, None),
    };
    let kind = match kind.split_once(" t=") {
        Some((name, at)) => match at.strip_suffix("ns").and_then(|n| n.parse::<i64>().ok()) {
            Some(ns) => format!("context.{name} (deadline {})", go_duration(ns)),
            None => return state.to_string(),
        },
        None => format!("context.{kind}"),
    };
    let rest = rest.map(|r| {
        r.split(", ")
            .map(|part| match part.strip_suffix(" child(ren)") {
                Some("1") => "1 child".to_string(),
                Some(n) => format!("{n} children"),
                None => part.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    match rest {
        Some(r) => format!("{kind}: {r}"),
        None => kind,
    }
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

    #[test]
    fn durations_read_as_go_prints_them() {
        let cases = [
            (0, "0s"),
            (999, "999ns"),
            (1_500, "1.5µs"),
            (10_000_000, "10ms"),
            (1_500_000_000, "1.5s"),
            (120_000_000_000, "2m0s"),
            (3_723_000_000_000, "1h2m3s"),
            (-5_000_000, "-5ms"),
        ];
        for (ns, text) in cases {
            assert_eq!(go_duration(ns), text, "{ns}ns");
        }
    }

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
        }
    }

    #[test]
    fn a_timer_reads_armed_fired_stopped_and_ticking() {
        assert_eq!(
            timer_sentence(&timer_info(true, 0, 0)),
            "time.NewTimer: fires at 10ms (now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(false, 0, 1)),
            "time.NewTimer: fired at 10ms (now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(false, 0, 0)),
            "time.NewTimer: stopped before firing (deadline was 10ms, now 5ms), on channel t.C"
        );
        assert_eq!(
            timer_sentence(&timer_info(true, 5_000_000, 2)),
            "time.NewTicker every 5ms: next tick at 10ms (now 5ms), fired 2×, on channel t.C"
        );
        let mut after_func = timer_info(true, 0, 0);
        after_func.made_by = "time.AfterFunc".into();
        after_func.chan = None;
        assert_eq!(
            timer_sentence(&after_func),
            "time.AfterFunc: fires at 10ms (now 5ms), runs its function in a new goroutine"
        );
        after_func.made_by = "context.WithTimeout".into();
        assert_eq!(
            timer_sentence(&after_func),
            "context.WithTimeout: fires at 10ms (now 5ms), then cancels its context (context deadline exceeded)"
        );
    }

    #[test]
    fn contexts_read_plainly() {
        assert_eq!(
            context_sentence("WithDeadline t=5000000ns, canceled"),
            "context.WithDeadline (deadline 5ms): canceled"
        );
        assert_eq!(
            context_sentence("WithCancel, live, 1 child(ren)"),
            "context.WithCancel: live, 1 child"
        );
        assert_eq!(
            context_sentence("WithCancel, live, 0 child(ren)"),
            "context.WithCancel: live, 0 children"
        );
        assert_eq!(context_sentence("Background"), "context.Background");
        assert_eq!(context_sentence("WithValue"), "context.WithValue");
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
            for o in v.other_sync.iter().filter(|o| o.kind == "context") {
                let s = context_sentence(&o.state);
                if s.ends_with("canceled") && canceled.is_none() {
                    canceled = Some(s);
                }
            }
        }
        let armed = armed.expect("time.After is armed at some step");
        assert!(
            armed.starts_with("time.After: fires at 10ms (now 0s), on channel "),
            "{armed}"
        );
        assert_eq!(
            canceled.as_deref(),
            Some("context.WithDeadline (deadline 5ms): canceled")
        );
        assert_eq!(p.view().console.stdout, "context deadline exceeded\n");
    }
}
