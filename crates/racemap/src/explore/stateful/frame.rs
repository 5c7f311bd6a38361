//! One state on the stateful search's current path ([`Frame`]), the footprints of its
//! goroutines computed once each ([`Footprints`]), and the moves explored from it
//! ([`moves_from`]: a persistent set of one move where one is, else every move awake; see the
//! search's module docs), with the next candidate tried alone when the first turns out not to
//! be one once made ([`Frame::retry_alone`]).

use super::super::wakeup::WakeStep;
use super::fingerprint::live_inert;
use crate::bytecode::future::Classes;
use crate::race::Detector;
use crate::rt::event::Gid;
use crate::sched::Choice;
use crate::target::{Footprint, StateMemo, Target};

/// A state on the current path.
#[derive(Clone, Debug)]
pub(super) struct Frame<T> {
    /// The machine.
    pub(super) target: T,
    /// The detector; taken by the frame's last move when no move is in reserve (nothing
    /// reads it after that).
    pub(super) detector: Option<Detector>,
    /// The moves to explore here: those offered and not asleep (when the state is explored
    /// again, those it left asleep before and are awake now).
    pub(super) choices: Vec<Choice>,
    /// The moves asleep here: explored from an ancestor, and commuting with every move since.
    pub(super) sleep: Vec<WakeStep>,
    /// The moves explored from here so far, as they ran (they sleep in later siblings).
    pub(super) done: Vec<WakeStep>,
    /// The moves offered here that are asleep (sorted), for [`Visit::Done`]: what is left
    /// unexplored here when the frame is popped.
    pub(super) asleep: Box<[Choice]>,
    /// Index of the next move to explore.
    pub(super) next: usize,
    /// This state's key; `None` for a state the search does not key (see `arrive`): it is
    /// explored every time it is reached, as a stateless search would.
    pub(super) key: Option<u128>,
    /// States on the path since the last keyed one, this one included (0 when keyed).
    /// Invariant: at most [`super::arrive::MAX_UNKEYED`].
    pub(super) since_key: u32,
    /// The longest path to a final state found so far through the moves explored.
    pub(super) height: u64,
    /// Hashes of the machine's shared parts, for its successors' fingerprints.
    pub(super) memo: StateMemo,
    /// What each goroutine may still do here ([`Target::goroutine_futures`]; empty where the
    /// static future does not apply): computed once, read by the fingerprint and by every
    /// persistent-set check of this state.
    pub(super) futures: Vec<Classes>,
    /// When `choices` is one move that is a persistent set alone (`Target::commutes_with_futures`):
    /// the other moves offered, those awake and those asleep (sorted), explored after all if
    /// the move, once made, turns out not to be one (it ended the run, reported the run's first
    /// race, or touched more than foreseen).
    pub(super) reserve: Option<(Vec<Choice>, Vec<Choice>)>,
    /// The move of `reserve` is an atomic add that is a persistent set alone of the quotient by
    /// the state key (`Target::atomic_alone`), not by its footprint.
    pub(super) atomic_alone: bool,
    /// Moves tried alone here that turned out not to be persistent sets once made (see
    /// `Stateful::retry_alone`): they are in `reserve`, and not tried alone again.
    pub(super) tried: Vec<Choice>,
    /// Goroutines whose moves are tried alone last here (see [`pick_alone`]): those whose
    /// moves were `tried` in an ancestor and have not moved since.
    pub(super) later: Vec<Gid>,
    /// The footprints of the goroutines' next operations here, by id, each computed once
    /// (`None` until asked): every move from here and every move asleep or done here asks.
    pub(super) footprints: Footprints,
    /// Timer fires on the path to this state (for [`Abandon::Fires`]).
    pub(super) fires: u32,
}

impl<T: Target> Frame<T> {
    /// The move `made`, explored alone here, turned out not to be a persistent set alone
    /// once made: try the next awake move that may be one instead (`made` joins the reserve
    /// and is not tried alone again), and say whether there was one. The move chosen is
    /// checked once made as every move explored alone is, so the set explored from here is
    /// still a persistent set of one move; when none is left, the caller explores every move.
    pub(super) fn retry_alone(&mut self, made: Choice) -> bool {
        let Some((awake, asleep)) = &mut self.reserve else {
            return false;
        };
        let mut all = awake.clone();
        all.push(made);
        self.tried.push(made);
        let Some((i, atomic)) = pick_alone(
            &self.target,
            self.detector.as_ref(),
            &all,
            asleep,
            &self.tried,
            &[],
            &self.futures,
            &mut self.footprints,
        ) else {
            self.tried.pop();
            return false;
        };
        let one = all.remove(i);
        *awake = all;
        self.choices = vec![one];
        self.next = 0;
        self.atomic_alone = atomic;
        true
    }
}

/// Footprints of one state's goroutines, by id, computed when first asked
/// ([`Target::footprint`]; the state does not change while its frame lives).
#[derive(Clone, Debug, Default)]
pub(super) struct Footprints(Vec<Option<Option<Footprint>>>);

impl Footprints {
    /// The footprint of `gid`'s next operation in `target` (the state these are of).
    pub(super) fn get<T: Target>(&mut self, target: &T, gid: Gid) -> Option<&Footprint> {
        let i = gid.0 as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        self.0[i]
            .get_or_insert_with(|| target.footprint(gid))
            .as_ref()
    }
}

/// The moves to explore from a new state and those left asleep (sorted), from the moves
/// offered and the sleep set: the first awake move that is a persistent set alone, if one is
/// and `may_reduce`, with the others in reserve (and whether it is one as a commuting atomic
/// add, [`Target::atomic_alone`], judged with `detector`); else every awake move.
/// `footprints` are the state's; the moves of the goroutines of `later` are tried last (see
/// [`pick_alone`]).
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
pub(super) fn moves_from<T: Target>(
    target: &T,
    detector: Option<&Detector>,
    offered: Vec<Choice>,
    sleep: &[WakeStep],
    may_reduce: bool,
    futures: &[Classes],
    footprints: &mut Footprints,
    later: &[Gid],
) -> (
    Vec<Choice>,
    Vec<Choice>,
    Option<(Vec<Choice>, Vec<Choice>)>,
    bool,
) {
    let asleep = |c: &Choice| sleep.iter().any(|s| s.choice == *c);
    let (awake, mut left): (Vec<Choice>, Vec<Choice>) =
        offered.into_iter().partition(|c| !asleep(c));
    left.sort();
    let alone = if may_reduce {
        pick_alone(
            target,
            detector,
            &awake,
            &left,
            &[],
            later,
            futures,
            footprints,
        )
    } else {
        None
    };
    match alone {
        Some((i, atomic)) => {
            let mut rest = awake;
            let one = rest.remove(i);
            (vec![one], Vec::new(), Some((rest, left)), atomic)
        }
        None => (awake, left, None, false),
    }
}

/// The first move of `awake` (the awake moves offered, `left` those asleep, sorted) that is
/// a persistent set alone by its footprint before it is made, other than those of `tried`
/// (moves that turned out not to be one once made), and whether it is one as a commuting
/// atomic add ([`Target::atomic_alone`], judged with `detector`) rather than by
/// [`Target::commutes_with_futures`]: its index. `footprints` are the state's. The moves of
/// the goroutines of `later` are tried after the others (a heuristic: moves that turned out
/// not to be persistent sets once made in the parent state, whose goroutines have not moved
/// since, likely are not here either; each try costs a step, and any order is sound).
#[allow(clippy::too_many_arguments)]
pub(super) fn pick_alone<T: Target>(
    target: &T,
    detector: Option<&Detector>,
    awake: &[Choice],
    left: &[Choice],
    tried: &[Choice],
    later: &[Gid],
    futures: &[Classes],
    footprints: &mut Footprints,
) -> Option<(usize, bool)> {
    let single = |c: &Choice| {
        !tried.contains(c)
            && awake.iter().filter(|d| d.gid == c.gid).count() == 1
            && !left.iter().any(|d| d.gid == c.gid)
    };
    // The candidates' indices, those of `later` last.
    let order: Vec<usize> = (0..awake.len())
        .filter(|&i| !later.contains(&awake[i].gid))
        .chain((0..awake.len()).filter(|&i| later.contains(&awake[i].gid)))
        .collect();
    let commuting = order.iter().copied().find(|&i| {
        let c = &awake[i];
        single(c)
            && footprints
                .get(target, c.gid)
                .is_some_and(|fp| target.commutes_with_futures(c.gid, fp, futures))
    });
    commuting.map(|i| (i, false)).or_else(|| {
        order
            .iter()
            .copied()
            .find(|&i| {
                let c = &awake[i];
                single(c)
                    && target
                        .atomic_alone(c.gid, futures, &mut |g| footprints.get(target, g).cloned())
                        .is_some_and(|stopped| {
                            live_inert(
                                target,
                                detector,
                                futures,
                                &mut |g| footprints.get(target, g).cloned(),
                                &stopped,
                            )
                        })
            })
            .map(|i| (i, true))
    })
}

/// The moves offered at `target` (none once the run ended). Both sides of a handoff stay
/// offered, although either makes the same step: a handoff with a goroutine that arrives later
/// is that goroutine's own move (`Resource::ChanArrival`), which the sleep sets rely on.
pub(super) fn offered<T: Target>(target: &T) -> Vec<Choice> {
    if target.ending().is_some() {
        Vec::new()
    } else {
        target.runnable()
    }
}
