//! A channel message reads the same wherever the views show it, from the moment its sender
//! waits to send it to its delivery: in flight, in the next move's words, in the buffer, in
//! the transfer that moves it and in the timeline's steps; and an object keeps its name once
//! shown.

use super::view::{TransferKind, View};
use super::{Playback, PlaybackConfig, SchedulerMode};
use crate::strategies::{Strategy, Workload};
use std::collections::{BTreeMap, VecDeque};

/// Requests carrying reply channels through a buffered channel: one reply channel per
/// iteration made into a variable `resp`, and one made inside the request literal, which only
/// the request's field names until the owner reads it as `r.resp`.
const INLINE_REPLY: &str = r#"package main

type req struct {
	key  string
	resp chan int
}

func main() {
	cmds := make(chan req, 2)
	done := make(chan bool)
	go func() {
		for r := range cmds {
			r.resp <- len(r.key)
		}
		done <- true
	}()
	for i := 0; i < 2; i++ {
		resp := make(chan int, 1)
		cmds <- req{key: "k", resp: resp}
		<-resp
	}
	cmds <- req{key: "inline", resp: make(chan int, 1)}
	close(cmds)
	<-done
}
"#;

/// A `select` that sends a struct holding a map, and workers whose reply channels share a
/// name.
const SELECT_SEND: &str = r#"package main

type job struct {
	id    int
	table map[string]int
	reply chan int
}

func main() {
	jobs := make(chan job)
	quit := make(chan bool)
	for w := 0; w < 2; w++ {
		go func(w int) {
			reply := make(chan int)
			select {
			case jobs <- job{id: w, table: map[string]int{"a": w}, reply: reply}:
				<-reply
			case <-quit:
			}
		}(w)
	}
	for i := 0; i < 2; i++ {
		j := <-jobs
		j.reply <- len(j.table)
	}
}
"#;

/// What one view shows of the messages of each channel (by id).
#[derive(Default)]
struct Shown {
    /// Texts in flight, by sender.
    in_flight: BTreeMap<(u32, u64), String>,
    /// The next move's words of each goroutine that will send.
    sends_next: BTreeMap<u64, String>,
}

fn shown(p: &Playback, v: &View) -> Shown {
    let mut s = Shown::default();
    for c in &v.chans {
        for m in &c.in_flight {
            let from = m.from.expect("a message in flight has a sender");
            s.in_flight.insert((c.id, from), m.value.clone());
        }
    }
    for choice in p.choices() {
        if choice.phrase.contains("sends ") {
            s.sends_next.insert(choice.go_id, choice.phrase);
        }
    }
    s
}

/// Step `p` to its end (at most `limit` steps), checking at each step that every message reads
/// the same from its sender's wait to its delivery, and that no channel is renamed.
fn check_messages_are_stable(p: &mut Playback, limit: usize) -> usize {
    let mut before = p.view();
    let mut shown_before = shown(p, &before);
    // What each channel's buffer holds, as the transfers put it there.
    let mut buffers: BTreeMap<u32, VecDeque<String>> = BTreeMap::new();
    let mut chan_names: BTreeMap<u32, String> = BTreeMap::new();
    let mut moved = 0;
    for _ in 0..limit {
        if p.step_auto().is_err() {
            break;
        }
        let v = p.view();
        let step = v.step;
        for c in &v.chans {
            // A channel keeps its name, also once the goroutines whose variables named it
            // have finished (`quit`, which only a select's case uses, at the end).
            let name = chan_names.entry(c.id).or_insert_with(|| c.name.clone());
            assert_eq!(&c.name, name, "step {step}: channel {} renamed", c.id);
            let buffer = buffers.entry(c.id).or_default();
            for t in &c.last_transfer {
                let text = &t.message.value;
                moved += 1;
                match t.kind {
                    TransferKind::Handoff | TransferKind::Buffered => {
                        let from = t.message.from.expect("a sender");
                        if let Some(was) = shown_before.in_flight.get(&(c.id, from)) {
                            assert_eq!(text, was, "step {step}: sent as shown in flight");
                        }
                        if let Some(next) = shown_before.sends_next.get(&from) {
                            assert!(
                                next.contains(&format!("sends {text} on {}", c.name)),
                                "step {step}: {next:?} announced {text:?}"
                            );
                        }
                        if t.kind == TransferKind::Buffered {
                            buffer.push_back(text.clone());
                        }
                    }
                    TransferKind::Received => {
                        let front = buffer.pop_front();
                        assert_eq!(
                            Some(text),
                            front.as_ref(),
                            "step {step}: delivered as buffered"
                        );
                    }
                    TransferKind::ClosedReceive => {}
                }
                if t.kind == TransferKind::ClosedReceive {
                    continue;
                }
                // The step's actions: `sends X on ch`, `receives X on ch from goroutine 7`.
                let said = format!("s {text} on {}", c.name);
                let row = v.timeline.last().expect("a step was made");
                assert!(
                    row.actions.iter().any(|a| a.phrase.contains(&said)),
                    "step {step}: {said:?} in {:?}",
                    row.actions
                );
            }
            assert_eq!(
                c.buffer,
                buffer.iter().cloned().collect::<Vec<_>>(),
                "step {step}: channel {}'s buffer",
                c.name
            );
        }
        before = v;
        shown_before = shown(p, &before);
    }
    moved
}

fn seeded(seed: u64) -> PlaybackConfig {
    PlaybackConfig {
        scheduler: SchedulerMode::Seeded { seed },
        ..PlaybackConfig::default()
    }
}

#[test]
fn a_message_reads_the_same_from_send_to_delivery() {
    let owner = Strategy::ChannelOwner.source(Workload::default());
    let small = Strategy::ChannelOwner.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 3,
        ..Workload::default()
    });
    for (name, src) in [
        ("channel owner", owner.as_str()),
        ("channel owner, 3 goroutines", small.as_str()),
        ("inline reply", INLINE_REPLY),
        ("select send", SELECT_SEND),
    ] {
        for seed in 0..6 {
            let mut p = Playback::new(src, seeded(seed)).expect("compiles");
            let moved = check_messages_are_stable(&mut p, 2000);
            assert!(moved >= 4, "{name}, seed {seed}: {moved} messages moved");
            assert!(p.ending().is_some(), "{name}, seed {seed}: the run ends");
            // Every channel still has its source name once the program has ended.
            let v = p.view();
            let names: Vec<&str> = v.chans.iter().map(|c| c.name.as_str()).collect();
            assert!(
                !names.iter().any(|n| n.starts_with("unnamed")),
                "{name}, seed {seed}: {names:?}"
            );
        }
    }
}

/// The channel panel, step by step: the inline reply channel is the request's `resp` (the third
/// object of that name) in flight, in the buffer and when the owner answers on it.
#[test]
fn an_inline_reply_channel_is_named_by_its_field_from_send_to_delivery() {
    let mut p = Playback::new(INLINE_REPLY, seeded(3)).expect("compiles");
    let mut lines = Vec::new();
    while p.step_auto().is_ok() {
        let v = p.view();
        let Some(row) = v.timeline.last() else {
            continue;
        };
        let buffers: Vec<String> = v
            .chans
            .iter()
            .filter(|c| !c.buffer.is_empty())
            .map(|c| format!("{}={:?}", c.name, c.buffer))
            .collect();
        lines.push(format!(
            "{:>2} g{} {} | {}",
            v.step,
            row.go_id,
            row.phrase,
            buffers.join(" ")
        ));
    }
    expect_test::expect![[r#"
         1 g1 starts goroutine 6 | 
         2 g1 sends {key:k resp:resp} on cmds to goroutine 6 | 
         3 g6 sends 1 on resp to goroutine 1 | 
         4 g1 sends {key:k resp:resp (2)} on cmds to goroutine 6 | 
         5 g6 sends 1 on resp (2) to goroutine 1 | 
         6 g1 sends {key:inline resp:resp (3)} on cmds to goroutine 6 | 
         7 g1 closes cmds | 
         8 g6 sends 6 on resp (3) | resp (3)=["6"]
         9 g6 receives from closed cmds | resp (3)=["6"]
        10 g6 sends true on done to goroutine 1 | resp (3)=["6"]
        11 g6 exits | resp (3)=["6"]
        12 g1 exits | resp (3)=["6"]"#]]
    .assert_eq(&lines.join("\n"));
}

/// The timeline of a `select` that sends: the row of the step that took a case shows the
/// message, and the map the message carries is named by its field, also once the receiver
/// reads it as `j.table`. (The workers' selects block before main arrives at its receive,
/// so in a run main, the later arrival, makes each rendezvous: its row shows the message.)
#[test]
fn a_select_case_shows_the_message_it_sent() {
    let mut p = Playback::new(SELECT_SEND, seeded(1)).expect("compiles");
    while p.step_auto().is_ok() {}
    let v = p.view();
    let rows: Vec<String> = v
        .timeline
        .iter()
        .map(|e| format!("{:>2} g{} {}", e.step, e.go_id, e.phrase))
        .collect();
    let maps: Vec<&str> = v.maps.iter().map(|m| m.name.as_str()).collect();
    expect_test::expect![[r#"
         1 g1 starts goroutine 6
         2 g1 starts goroutine 7
         3 g1 receives {id:0 table:table reply:reply} on jobs from goroutine 6
         4 g1 reads len(table)
         5 g1 sends 1 on reply to goroutine 6
         6 g1 receives {id:1 table:table (2) reply:reply (2)} on jobs from goroutine 7
         7 g1 reads len(table (2))
         8 g1 sends 1 on reply (2) to goroutine 7
         9 g1 exits
        ["table", "table (2)"]"#]]
    .assert_eq(&format!("{}\n{maps:?}", rows.join("\n")));
}
