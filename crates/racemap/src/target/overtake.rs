//! A move that passes goroutines in one of Go's queues ([`Overtake`]): the note an outcome
//! carries when it needs a goroutine delayed on its way to a lock or a channel, beside the
//! sleeps it cuts short ([`super::EarlyWake`]). The machine's oracle is
//! `rt::machine::overtake`.

use serde::{Deserialize, Serialize};

/// The machine steps of a replayed path at which a sleep or a timer ended (time passed), so
/// far: what tells an order of arrivals Go fixes (a sleep between them) from one it leaves to
/// its scheduler ([`super::Target::overtake`]).
#[derive(Clone, Debug, Default)]
pub struct WakeSteps(
    /// Ascending.
    // Invariant: strictly ascending (a step is pushed once, in order).
    Vec<u64>,
);

impl WakeSteps {
    /// A sleep or timer ended at machine step `step` (pushed in order).
    pub fn push(&mut self, step: u64) {
        if self.0.last().is_none_or(|&last| last < step) {
            self.0.push(step);
        }
    }

    /// One ended after step `from` and no later than step `to`.
    pub fn between(&self, from: u64, to: u64) -> bool {
        let i = self.0.partition_point(|&w| w <= from);
        self.0.get(i).is_some_and(|&w| w <= to)
    }
}

/// The queue order a move passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueueRule {
    /// A `sync.Mutex`'s waiters take it in arrival order (Go's semaphore queue is FIFO).
    Mutex,
    /// An `RWMutex`'s writers take it in arrival order.
    RwmutexWriters,
    /// An `RWMutex`'s `Unlock` lets the readers that blocked during its write hold in before
    /// any next writer.
    RwmutexReaders,
    /// An unbuffered channel pairs the first sender and the first receiver to arrive (its wait
    /// queues are FIFO).
    Channel,
    /// A buffered channel lets the senders blocked at its full buffer put their values in in
    /// arrival order (its wait queue of senders is FIFO).
    BufferedSenders,
    /// A buffered channel gives its values to the receivers blocked at its empty buffer in
    /// arrival order (its wait queue of receivers is FIFO).
    BufferedReceivers,
}

/// A move of a goroutine that takes a lock or completes a channel rendezvous ahead of
/// goroutines Go's runtime would have served first: they were queued there before it. Go's
/// semantics allow it (any goroutine can be delayed before its operation, so that it arrives
/// in the queue later), yet a run on a lightly loaded machine rarely shows it. In JSON
/// `{"goroutine": 8, "op": "Lock", "file": "prog.go", "line": 9, "rule": "mutex",
/// "ahead_of": [6, 7], "waiting_at": "Lock"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Overtake {
    /// Go's number of the goroutine that moves ahead.
    pub goroutine: u64,
    /// Its operation: `Lock`, `send`, `receive`, `select`.
    pub op: String,
    /// The file of its operation.
    pub file: String,
    /// The 1-based line of its operation.
    pub line: u32,
    /// The queue order it passes.
    pub rule: QueueRule,
    /// Go's numbers of the goroutines it passes, by arrival.
    pub ahead_of: Vec<u64>,
    /// Where those wait: `Lock`, `RLock`, `send`, `receive`, `select`.
    pub waiting_at: String,
}

impl Overtake {
    /// `goroutine 8's Lock at prog.go:9 takes the mutex ahead of goroutine 6, queued there
    /// first (Go's mutex queue is FIFO): needs goroutine 6 delayed before its Lock`.
    pub fn describe(&self) -> String {
        let others = goroutines(&self.ahead_of);
        let at = format!(
            "goroutine {}'s {} at {}:{}",
            self.goroutine, self.op, self.file, self.line
        );
        let (what, why) = match self.rule {
            QueueRule::Mutex => (
                format!("takes the mutex ahead of {others}, queued there first"),
                "Go's mutex queue is FIFO",
            ),
            QueueRule::RwmutexWriters => (
                format!("takes the RWMutex ahead of {others}, queued there first"),
                "Go's RWMutex writers queue FIFO",
            ),
            QueueRule::RwmutexReaders => (
                format!(
                    "takes the RWMutex ahead of {others}, blocked at its RLock during the last \
                     write hold"
                ),
                "Go's Unlock lets such readers in before the next writer",
            ),
            QueueRule::Channel => (
                format!("completes its channel handoff ahead of {others}, queued there first"),
                "Go's channel queues are FIFO",
            ),
            QueueRule::BufferedReceivers => (
                format!(
                    "takes a value from the buffered channel ahead of {others}, blocked there \
                     first at its empty buffer"
                ),
                "Go's channel queues are FIFO",
            ),
            QueueRule::BufferedSenders => (
                format!(
                    "takes a slot of the buffered channel ahead of {others}, blocked there \
                     first at its full buffer"
                ),
                "Go's channel queues are FIFO",
            ),
        };
        let pronoun = if self.ahead_of.len() == 1 {
            "its"
        } else {
            "their"
        };
        format!(
            "{at} {what} ({why}): needs {others} delayed before {pronoun} {}",
            self.waiting_at
        )
    }
}

/// `goroutine 6`, `goroutines 6 and 7`, `goroutines 6, 7 and 9`.
fn goroutines(ids: &[u64]) -> String {
    let names: Vec<String> = ids.iter().map(u64::to_string).collect();
    match names.as_slice() {
        [] => "no goroutine".to_string(),
        [one] => format!("goroutine {one}"),
        [rest @ .., last] => format!("goroutines {} and {last}", rest.join(", ")),
    }
}

/// The sentence saying why an outcome may rarely show in ordinary runs, when its schedule
/// passes goroutines in Go's queues: `needs goroutine 6 delayed before its Lock: goroutine 8's
/// Lock at prog.go:9 takes …`; `None` for no such move.
pub fn queue_note(overtakes: &[Overtake]) -> Option<String> {
    let names: Vec<String> = overtakes.iter().map(Overtake::describe).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => Some(names.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_who_passes_whom() {
        let o = Overtake {
            goroutine: 8,
            op: "Lock".into(),
            file: "fifo.go".into(),
            line: 9,
            rule: QueueRule::Mutex,
            ahead_of: vec![6, 7],
            waiting_at: "Lock".into(),
        };
        assert_eq!(
            o.describe(),
            "goroutine 8's Lock at fifo.go:9 takes the mutex ahead of goroutines 6 and 7, \
             queued there first (Go's mutex queue is FIFO): needs goroutines 6 and 7 \
             delayed before their Lock"
        );
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(serde_json::from_str::<Overtake>(&json).unwrap(), o);
        assert!(json.contains("\"rule\":\"mutex\""), "{json}");
        assert_eq!(queue_note(&[]), None);
    }

    #[test]
    fn wake_steps_between() {
        let mut w = WakeSteps::default();
        w.push(5);
        w.push(9);
        assert!(w.between(4, 5) && w.between(5, 9) && w.between(0, 100));
        assert!(!w.between(5, 8) && !w.between(9, 20) && !w.between(0, 4));
    }
}
