//! Goroutine ids as a state key hashes them: renamed by a permutation while the explorer's
//! key is computed under symmetry reduction (`rt::machine::symmetry`), or erased while a
//! goroutine's own signature is hashed.
//!
//! [`Gid`]'s `Hash` writes `renamed(gid)`: the id itself unless a scope of this module is
//! active on the thread. The scopes wrap only calls of derived `Hash` implementations of the
//! machine's parts (pure code that looks nothing up), never code that hashes a `Gid` as a
//! map key, so no table keyed by goroutines ever sees a renamed id.
//!
//! Why a thread-local: the machine's parts derive `Hash`, and a goroutine id can sit anywhere
//! in them (a mutex's holder, a map's writer, a timer's goroutine); a renaming applied where
//! `Gid` is hashed reaches every such place, including ones added later, without a hand-written
//! walk of the state that could miss one. Goroutine ids held as plain integers are not renamed:
//! the key's renamed parts must hold ids only as `Gid`s (checked by the symmetry tests).
//!
//! [`Gid`]: crate::rt::event::Gid

use std::cell::{Cell, RefCell};

/// What [`renamed`] does on this thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Ids are themselves.
    Off,
    /// Every id is one value: a goroutine's signature does not name it.
    Erase,
    /// Ids below the table's length are mapped through it, the others kept apart above them.
    Rename,
}

thread_local! {
    /// The active mode.
    static MODE: Cell<Mode> = const { Cell::new(Mode::Off) };
    /// The renaming of [`Mode::Rename`]: old id → new id, a permutation of `0..len`.
    static TABLE: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The id `gid` hashes as on this thread (see the module docs).
pub fn renamed(gid: u32) -> u32 {
    match MODE.with(Cell::get) {
        Mode::Off => gid,
        Mode::Erase => u32::MAX,
        Mode::Rename => TABLE.with(|t| {
            let t = t.borrow();
            // An id past the table (no such goroutine) stays apart from every renamed one.
            t.get(gid as usize).copied().unwrap_or(gid | 0x8000_0000)
        }),
    }
}

/// Restores the previous mode when dropped (also on unwinding).
struct Restore(Mode);

impl Drop for Restore {
    fn drop(&mut self) {
        MODE.with(|m| m.set(self.0));
    }
}

/// Run `f` with every hashed `Gid` erased (one value).
pub fn erased<R>(f: impl FnOnce() -> R) -> R {
    let _restore = Restore(MODE.with(|m| m.replace(Mode::Erase)));
    f()
}

/// Run `f` with every hashed `Gid` renamed by `to` (old id → new id, a permutation).
pub fn renaming<R>(to: &[u32], f: impl FnOnce() -> R) -> R {
    let previous = TABLE.with(|t| std::mem::replace(&mut *t.borrow_mut(), to.to_vec()));
    let _restore = Restore(MODE.with(|m| m.replace(Mode::Rename)));
    let r = f();
    TABLE.with(|t| *t.borrow_mut() = previous);
    r
}

#[cfg(test)]
#[path = "gid_rename_tests.rs"]
mod tests;
