//! `sync.Once`: run f exactly once.
//!
//! Go 1.19 semantics (src/sync/once.go): `Do(f)` returns at once if the Once is done; otherwise
//! it takes the internal mutex, and if still not done runs f, marks the Once done (even if f
//! panics: the store is deferred) and unlocks. So a concurrent `Do` blocks until the running f
//! returns, then returns without calling its own f; a `Do` called from inside f on the same Once
//! deadlocks.
//!
//! Steps: [`OnceState::start`] is the visible `Do` call (enabled unless f is running);
//! it either says "run f" or returns at once. When f returns (or panics), the VM calls
//! [`OnceState::finish`].
//!
//! Happens-before: the completion of f → the return of every `Do`. Effects: a `Do` that returns
//! without running f = `[Acquire(Once(a))]`; the completion of f = `[Release(Once(a))]` (the
//! `Do` that ran f needs no acquire: it is the same goroutine).

use crate::rt::event::{Effect, Gid, SyncVar, WaitReason};
use crate::rt::sync_state::PrimError;
use crate::rt::value::Pointer;

/// State of a `sync.Once`.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub enum OnceState {
    /// No `Do` has started f.
    #[default]
    NotStarted,
    /// A `Do` of this goroutine is running f.
    Running(Gid),
    /// f has returned (or panicked).
    Done,
}

/// What a `Do` call does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DoStart {
    /// This call runs f (no effects yet); call [`OnceState::finish`] when f returns.
    RunF,
    /// f already completed: `Do` returns now with these effects.
    Return(Vec<Effect>),
}

impl OnceState {
    /// `Do` can take its step now (f is not running in another call).
    pub fn can_start(&self) -> bool {
        !matches!(self, OnceState::Running(_))
    }

    /// The `Do` call by `gid`: runs f or returns; `Blocked` while f runs.
    pub fn start(&mut self, gid: Gid, addr: &Pointer) -> Result<DoStart, PrimError> {
        match self {
            OnceState::Running(_) => Err(PrimError::Blocked(WaitReason::OnceDo)),
            OnceState::Done => Ok(DoStart::Return(vec![Effect::Acquire(SyncVar::Once(
                addr.clone(),
            ))])),
            OnceState::NotStarted => {
                *self = OnceState::Running(gid);
                Ok(DoStart::RunF)
            }
        }
    }

    /// f returned or panicked: the Once is done, `[Release(Once(addr))]`.
    pub fn finish(&mut self, addr: &Pointer) -> Vec<Effect> {
        *self = OnceState::Done;
        vec![Effect::Release(SyncVar::Once(addr.clone()))]
    }

    /// Go 1.19's fields `(done, m.state)` for the printed struct form `{done {m.state 0}}`.
    pub fn go_fields(&self) -> (i64, i64) {
        match self {
            OnceState::NotStarted => (0, 0),
            OnceState::Running(_) => (0, 1),
            OnceState::Done => (1, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn a() -> Pointer {
        Pointer::root(ObjId(3))
    }

    #[test]
    fn first_do_runs_f_and_concurrent_do_waits() {
        let mut o = OnceState::default();
        assert_eq!(o.start(Gid(1), &a()), Ok(DoStart::RunF));
        assert!(!o.can_start());
        assert_eq!(
            o.start(Gid(2), &a()),
            Err(PrimError::Blocked(WaitReason::OnceDo))
        );
        assert_eq!(o.go_fields(), (0, 1));
        assert_eq!(o.finish(&a()), vec![Effect::Release(SyncVar::Once(a()))]);
        assert!(o.can_start());
        assert_eq!(
            o.start(Gid(2), &a()),
            Ok(DoStart::Return(vec![Effect::Acquire(SyncVar::Once(a()))]))
        );
        assert_eq!(o.go_fields(), (1, 0));
    }

    #[test]
    fn do_inside_f_blocks_forever() {
        let mut o = OnceState::default();
        o.start(Gid(0), &a()).unwrap();
        // The same goroutine calling Do again inside f cannot proceed: a deadlock.
        assert!(!o.can_start());
    }
}
