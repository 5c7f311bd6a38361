//! Outcomes of explored runs, aggregated: each distinct (stdout, first error line, race) with how
//! many runs produced it and the shortest schedule that did (replayable by the runner), preferring
//! a schedule that follows virtual time: an outcome that only a sleep cut short can show says
//! which sleeps its schedule cut short ([`Outcome::early_wakes`], [`Outcome::sleep_note`]); one
//! that only passing goroutines in Go's lock or channel queues can show says whom its schedule
//! passes ([`Outcome::overtakes`], [`Outcome::queue_note`]). Of the schedules of one outcome the
//! set keeps one with the fewest such notes, then the shortest; whom a schedule passes is found
//! by replaying it ([`super::notes`]), only when it could be kept.

use crate::sched::Schedule;
use crate::target::{EarlyWake, Overtake};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One distinct outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// What the program printed on stdout, as text (an invalid byte shows as U+FFFD; outcomes
    /// are told apart by the bytes).
    pub stdout: String,
    /// The first line of the failure, `null` after a normal exit.
    pub error: Option<String>,
    /// Some race was reported in the run.
    pub race: bool,
    /// How many explored runs ended this way.
    pub count: u64,
    /// The shortest schedule that produced it, encoded ([`Schedule::encode`]); one that
    /// cuts no sleep short when there is one.
    pub schedule: String,
    /// The sleeps that schedule cuts short, in the order it wakes them: empty when a run in
    /// virtual time order shows this outcome; otherwise it needs a goroutine to be delayed
    /// past these sleeps, which Go allows and a lightly loaded machine rarely does.
    pub early_wakes: Vec<EarlyWake>,
    /// The moves of that schedule that pass goroutines queued first at a lock or a channel
    /// ([`Overtake`]), in order: empty when Go's queue orders show this outcome; otherwise it
    /// needs those goroutines delayed on their way to the queue, which Go allows and a lightly
    /// loaded machine rarely does. Left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overtakes: Vec<Overtake>,
    /// For a test: the goroutines it left blocked forever (`goroutine 8 [chan send]: main.f
    /// at prog_test.go:7`, [`Target::leaked`]); runs that leak differently are different
    /// outcomes. Left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leaked: Vec<String>,
}

/// What tells two finished runs apart: they are the same outcome when all of it is equal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OutcomeKey {
    /// The bytes the run wrote to stdout (two outputs differing only in invalid UTF-8 are two
    /// outcomes, as in Go).
    pub stdout: Vec<u8>,
    /// The first line of the failure, `None` after a normal exit.
    pub error: Option<String>,
    /// Some race was reported.
    pub race: bool,
    /// A test's leaked goroutines ([`Target::leaked`]).
    pub leaked: Vec<String>,
}

impl Outcome {
    /// The sentence saying why this outcome may never show in ordinary runs, when it needs a
    /// sleep cut short: `needs goroutine 1's time.Sleep at prog.go:7 to end while other
    /// goroutines could still run (a goroutine can be …)`.
    pub fn sleep_note(&self) -> Option<String> {
        sleep_note(&self.early_wakes)
    }

    /// The sentence saying why this outcome may rarely show in ordinary runs, when its
    /// schedule passes goroutines in Go's queues ([`crate::target::queue_note`]).
    pub fn queue_note(&self) -> Option<String> {
        crate::target::queue_note(&self.overtakes)
    }

    /// How many notes say why this outcome may rarely show: its schedule's cut-short sleeps
    /// and passing moves.
    pub fn notes(&self) -> usize {
        self.early_wakes.len() + self.overtakes.len()
    }
}

/// [`Outcome::sleep_note`] for these cut-short sleeps.
pub fn sleep_note(early_wakes: &[EarlyWake]) -> Option<String> {
    let names: Vec<String> = early_wakes.iter().map(EarlyWake::describe).collect();
    let list = match names.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    if early_wakes.iter().any(|w| w.timer.is_some()) {
        return Some(format!(
            "needs {list} to end while other goroutines could still run \
             (a goroutine can be delayed past any sleep or timer: Go orders nothing by time)"
        ));
    }
    Some(format!(
        "needs {list} to end while other goroutines could still run \
         (a goroutine can be delayed past any sleep: Go orders nothing by time.Sleep)"
    ))
}

/// What kept a search from covering every interleaving. Serialized as the name of the CLI
/// option that sets it (`"max-executions"`), or `"sampling"` / `"unfinished"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SearchLimit {
    /// The budget of complete executions (`--max-executions`) ran out.
    MaxExecutions,
    /// The budget of steps over all executions (`--max-total-steps`) ran out.
    MaxTotalSteps,
    /// Schedules with more preemptions than `--preemption-bound` were skipped.
    PreemptionBound,
    /// Random or PCT sampling, not a systematic search.
    Sampling,
    /// The search has not finished yet (a result taken between two chunks).
    Unfinished,
    /// A run was cut short by one of racemap's runtime limits (`--max-steps`, goroutines, heap):
    /// what the program does after that point was not searched, so the search is not complete
    /// even when every branch before it was taken.
    RunLimit,
    /// Fair scheduling skipped schedules: a goroutine that yielded (`runtime.Gosched`) was not
    /// run again until another goroutine had moved, as loom and CHESS schedule a yield. This
    /// is what makes a spin loop such as `for !done { runtime.Gosched() }` end; the schedules
    /// where the yielding goroutine went on at once were not searched. DPOR's bound only: the
    /// stateful search explores them (a spin loop is a cycle of equal states there).
    Fairness,
    /// A ticker already fired ahead of virtual time as often as one run allows
    /// ([`crate::rt::timer::MAX_EARLY_TICKS`]): further early ticks were not searched (a ticker
    /// and its consumer could otherwise take turns forever). DPOR's bound only: the stateful
    /// search's visited set ends a ticker's early fires where states repeat.
    EarlyTicks,
}

impl SearchLimit {
    /// The CLI option that sets this limit, if any.
    pub fn option(self) -> Option<&'static str> {
        match self {
            SearchLimit::MaxExecutions => Some("--max-executions"),
            SearchLimit::MaxTotalSteps => Some("--max-total-steps"),
            SearchLimit::PreemptionBound => Some("--preemption-bound"),
            SearchLimit::RunLimit => Some("--max-steps"),
            SearchLimit::Sampling
            | SearchLimit::Unfinished
            | SearchLimit::Fairness
            | SearchLimit::EarlyTicks => None,
        }
    }
}

/// The result of an exploration, in the JSON shape
/// `{"complete", "limit", "executions", "race", "deadlock", "outcomes": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExploreResult {
    /// Every behaviour of the program is represented (the search ended without hitting a budget,
    /// a preemption bound or sampling). Always `limit.is_none()`.
    pub complete: bool,
    /// What kept the search from being complete, `None` when it is.
    pub limit: Option<SearchLimit>,
    /// Runs executed to their end.
    pub executions: u64,
    /// Some run had a data race.
    pub race: bool,
    /// Some run deadlocked.
    pub deadlock: bool,
    /// Distinct outcomes in the order first seen.
    pub outcomes: Vec<Outcome>,
}

/// Collects outcomes while exploring. Serializable, so that the side-by-side search's two
/// workers can pass their runs on (`super::coordinator`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutcomeSet {
    /// Outcomes in discovery order, with the rank of their schedule (fewer notes, cut-short
    /// sleeps and passing moves, first, then shorter).
    outcomes: Vec<(Outcome, (usize, usize))>,
    /// Index into `outcomes` by key (serialized as a list of pairs: the keys are not strings).
    #[serde(with = "pairs")]
    index: BTreeMap<OutcomeKey, usize>,
    /// Runs recorded.
    executions: u64,
    /// Some run deadlocked.
    deadlock: bool,
}

impl OutcomeSet {
    /// Nothing recorded.
    pub fn new() -> OutcomeSet {
        OutcomeSet::default()
    }

    /// Runs recorded so far.
    pub fn executions(&self) -> u64 {
        self.executions
    }

    /// An outcome with this key is recorded.
    pub fn knows(&self, key: &OutcomeKey) -> bool {
        self.index.contains_key(key)
    }

    /// Record one finished run that ended as `key`, whose schedule cut `early_wakes` short;
    /// `overtakes` finds the moves of the schedule that pass goroutines in Go's queues (a
    /// replay: called only when the schedule could be kept, its notes aside).
    pub fn record(
        &mut self,
        key: OutcomeKey,
        deadlock: bool,
        schedule: &Schedule,
        early_wakes: Vec<EarlyWake>,
        overtakes: impl FnOnce() -> Vec<Overtake>,
    ) {
        self.executions += 1;
        self.deadlock |= deadlock;
        match self.index.get(&key) {
            Some(&i) => {
                self.outcomes[i].0.count += 1;
                self.offer(i, schedule, early_wakes, overtakes);
            }
            None => {
                let overtakes = overtakes();
                let rank = (early_wakes.len() + overtakes.len(), schedule.len());
                let outcome = Outcome {
                    stdout: String::from_utf8_lossy(&key.stdout).into_owned(),
                    error: key.error.clone(),
                    race: key.race,
                    count: 1,
                    schedule: schedule.encode(),
                    early_wakes,
                    overtakes,
                    leaked: key.leaked.clone(),
                };
                self.index.insert(key, self.outcomes.len());
                self.outcomes.push((outcome, rank));
            }
        }
    }

    /// The keys of the outcomes recorded, in key order.
    pub fn keys(&self) -> impl Iterator<Item = &OutcomeKey> {
        self.index.keys()
    }

    /// How many notes the schedule kept for outcome `key` has (cut-short sleeps and passing
    /// moves); `None` for an unknown outcome.
    pub fn notes_of(&self, key: &OutcomeKey) -> Option<usize> {
        self.index.get(key).map(|&i| self.outcomes[i].1 .0)
    }

    /// Another schedule of the known outcome `key` (a search that does not run a path to its
    /// end twice reached one of its states again): kept instead of the outcome's schedule
    /// when that one has notes and this one ranks better; no run is counted. `notes` finds
    /// the schedule's cut-short sleeps and passing moves (replays; `None`: the schedule does
    /// not end as `key`), asked only when the kept one has notes. `true` when it is kept.
    pub fn improve(
        &mut self,
        key: &OutcomeKey,
        schedule: &Schedule,
        notes: impl FnOnce() -> Option<(Vec<EarlyWake>, Vec<Overtake>)>,
    ) -> bool {
        let Some(&i) = self.index.get(key) else {
            return false;
        };
        if self.outcomes[i].1 .0 == 0 {
            return false;
        }
        match notes() {
            Some((early_wakes, overtakes)) => self.offer(i, schedule, early_wakes, || overtakes),
            None => false,
        }
    }

    /// Keep `schedule` for outcome `i` when it ranks better than its kept one (`true` then);
    /// `overtakes` is called only when it could.
    fn offer(
        &mut self,
        i: usize,
        schedule: &Schedule,
        early_wakes: Vec<EarlyWake>,
        overtakes: impl FnOnce() -> Vec<Overtake>,
    ) -> bool {
        let (o, best) = &mut self.outcomes[i];
        // The rank if the schedule passes nobody: no better than the kept one, no replay.
        let at_best = (early_wakes.len(), schedule.len());
        if at_best >= *best {
            return false;
        }
        let overtakes = overtakes();
        let rank = (early_wakes.len() + overtakes.len(), schedule.len());
        if rank >= *best {
            return false;
        }
        *best = rank;
        o.schedule = schedule.encode();
        o.early_wakes = early_wakes;
        o.overtakes = overtakes;
        true
    }

    /// Add the runs of `other` (another search's of the same program): its outcomes this set
    /// does not know are appended in `other`'s order; a known one adds its count and keeps the
    /// better-ranked schedule.
    pub fn absorb(&mut self, other: &OutcomeSet) {
        self.executions += other.executions;
        self.deadlock |= other.deadlock;
        // `other`'s keys in its discovery order.
        let mut keys: Vec<(usize, &OutcomeKey)> =
            other.index.iter().map(|(k, &j)| (j, k)).collect();
        keys.sort_unstable_by_key(|&(j, _)| j);
        for (j, key) in keys {
            let (theirs, their_rank) = &other.outcomes[j];
            match self.index.get(key) {
                Some(&i) => {
                    let (o, best) = &mut self.outcomes[i];
                    o.count += theirs.count;
                    if *their_rank < *best {
                        *best = *their_rank;
                        o.schedule = theirs.schedule.clone();
                        o.early_wakes = theirs.early_wakes.clone();
                        o.overtakes = theirs.overtakes.clone();
                    }
                }
                None => {
                    self.index.insert(key.clone(), self.outcomes.len());
                    self.outcomes.push((theirs.clone(), *their_rank));
                }
            }
        }
    }

    /// Some run recorded so far deadlocked.
    pub fn deadlock(&self) -> bool {
        self.deadlock
    }

    /// Some run recorded so far had a data race.
    pub fn race(&self) -> bool {
        self.outcomes.iter().any(|(o, _)| o.race)
    }

    /// The distinct outcomes so far, in the order first seen (as [`OutcomeSet::finish`] would
    /// list them now).
    pub fn outcomes(&self) -> Vec<Outcome> {
        self.outcomes.iter().map(|(o, _)| o.clone()).collect()
    }

    /// The result so far, without consuming the set.
    pub fn result(&self, limit: Option<SearchLimit>) -> ExploreResult {
        ExploreResult {
            complete: limit.is_none(),
            limit,
            executions: self.executions,
            race: self.race(),
            deadlock: self.deadlock,
            outcomes: self.outcomes(),
        }
    }

    /// The result.
    pub fn finish(self, limit: Option<SearchLimit>) -> ExploreResult {
        let outcomes: Vec<Outcome> = self.outcomes.into_iter().map(|(o, _)| o).collect();
        ExploreResult {
            complete: limit.is_none(),
            limit,
            executions: self.executions,
            race: outcomes.iter().any(|o| o.race),
            deadlock: self.deadlock,
            outcomes,
        }
    }
}

/// A map serialized as the list of its (key, value) pairs in key order.
mod pairs {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::event::Gid;
    use crate::sched::Choice;
    use crate::target::QueueRule;

    fn schedule(len: usize) -> Schedule {
        Schedule {
            choices: vec![
                Choice {
                    gid: Gid(0),
                    alt: 0
                };
                len
            ],
            running_clock_from: None,
        }
    }

    fn passing() -> Vec<Overtake> {
        vec![Overtake {
            goroutine: 8,
            op: "Lock".into(),
            file: "prog.go".into(),
            line: 9,
            rule: QueueRule::Mutex,
            ahead_of: vec![7],
            waiting_at: "Lock".into(),
        }]
    }

    /// A schedule that passes nobody replaces a shorter one that passes a goroutine; a
    /// schedule that could not be kept, whatever it passes, is never replayed.
    #[test]
    fn the_schedule_kept_passes_the_fewest_goroutines() {
        let key = OutcomeKey {
            stdout: b"x\n".to_vec(),
            error: None,
            race: false,
            leaked: Vec::new(),
        };
        let mut set = OutcomeSet::new();
        set.record(key.clone(), false, &schedule(3), Vec::new(), passing);
        set.record(key.clone(), false, &schedule(5), Vec::new(), Vec::new);
        let o = &set.outcomes()[0];
        assert_eq!((o.count, o.overtakes.len()), (2, 0), "{o:?}");
        assert_eq!(o.schedule, schedule(5).encode());
        let never = || -> Vec<Overtake> { panic!("replayed a schedule that cannot be kept") };
        set.record(key.clone(), false, &schedule(7), Vec::new(), never);
        set.record(key, false, &schedule(2), Vec::new(), passing);
        let o = &set.outcomes()[0];
        assert_eq!((o.count, o.overtakes.len()), (4, 0), "{o:?}");
        assert_eq!(o.schedule, schedule(5).encode());
        let json = serde_json::to_value(o).expect("serializes");
        assert!(json.get("overtakes").is_none(), "{json}");
    }
}
