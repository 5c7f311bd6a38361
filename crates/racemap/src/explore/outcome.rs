//! Outcomes of explored runs, aggregated: each distinct (stdout, first error line, race) with how
//! many runs produced it and the shortest schedule that did (replayable by the runner), preferring
//! a schedule that follows virtual time: an outcome that only a sleep cut short can show says
//! which sleeps its schedule cut short ([`Outcome::early_wakes`], [`Outcome::sleep_note`]).

use crate::sched::Schedule;
use crate::target::EarlyWake;
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
    /// Outcomes in discovery order, with the rank of their schedule (fewer cut-short sleeps
    /// first, then shorter).
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

    /// Record one finished run that ended as `key`, whose schedule cut `early_wakes` short.
    /// An outcome with this key is recorded.
    pub fn knows(&self, key: &OutcomeKey) -> bool {
        self.index.contains_key(key)
    }

    pub fn record(
        &mut self,
        key: OutcomeKey,
        deadlock: bool,
        schedule: &Schedule,
        early_wakes: Vec<EarlyWake>,
    ) {
        self.executions += 1;
        self.deadlock |= deadlock;
        let rank = (early_wakes.len(), schedule.len());
        match self.index.get(&key) {
            Some(&i) => {
                let (o, best) = &mut self.outcomes[i];
                o.count += 1;
                if rank < *best {
                    *best = rank;
                    o.schedule = schedule.encode();
                    o.early_wakes = early_wakes;
                }
            }
            None => {
                let outcome = Outcome {
                    stdout: String::from_utf8_lossy(&key.stdout).into_owned(),
                    error: key.error.clone(),
                    race: key.race,
                    count: 1,
                    schedule: schedule.encode(),
                    early_wakes,
                    leaked: key.leaked.clone(),
                };
                self.index.insert(key, self.outcomes.len());
                self.outcomes.push((outcome, rank));
            }
        }
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
