//! Whether every unlock of a `sync.Mutex` or `sync.RWMutex` in a program is *paired*: made by
//! the function that locked the same mutex the same way (`Lock`/`Unlock`, `RLock`/`RUnlock`),
//! through the same address expression, with no other unlock of it in between. Go lets any
//! goroutine unlock a mutex (and undo another's read lock); a program whose unlocks are all
//! paired never does, so a lock is released only by the goroutine whose call took it (by
//! induction over the unlocks: a paired unlock follows its own lock, which could only succeed
//! once the mutex allowed it). The explorer's persistent sets use it (`target::persistent`): a
//! goroutine blocked on a lock that goroutine `g` holds cannot move before `g` does.
//!
//! Algorithm: per function, a forward must-analysis over the control-flow graph (meet =
//! intersection, to a fixpoint) of the set of mutex *keys* the function holds. A key is the
//! address expression of a `Lock`/`Unlock` call's receiver: a base (`LoadLocal(n)`,
//! `GlobalPtr(g)`, `Capture(i)`) followed by `FieldPtr`s, so the same key gives the same
//! pointer while local `n` is not stored to (a store forgets the keys based on it). `Lock`
//! adds its key; `Unlock` needs its key held and removes it; `defer Unlock()` needs it held
//! and marks it unlocked at return (an explicit unlock after it would be a second one). Any
//! other way to reach `Unlock` (an interface or method value named `Unlock`, an unlock whose
//! receiver is another expression) makes the program unpaired; so does `TryLock`'s unlock
//! (a `TryLock` is not a `Lock`).

use super::{Func, Instr, Program};
use crate::library::LibFunc;
use litemap::LiteMap;

/// A receiver's address expression: its base and field path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    /// `(0, n)` local `n`, `(1, g)` global `g`, `(2, i)` capture `i`.
    base: (u8, u32),
    /// `FieldPtr` indices, outermost first.
    fields: Vec<u32>,
}

/// Which lock a key's call takes or releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// `sync.Mutex`.
    Mutex,
    /// `sync.RWMutex`'s write lock.
    Write,
    /// A `sync.RWMutex` read lock.
    Read,
}

/// The lock a library call takes (`Some((kind, true))`) or releases (`Some((kind, false))`).
fn lock_call(func: LibFunc) -> Option<(Kind, bool)> {
    Some(match func {
        LibFunc::MutexLock => (Kind::Mutex, true),
        LibFunc::MutexUnlock => (Kind::Mutex, false),
        LibFunc::RwMutexLock => (Kind::Write, true),
        LibFunc::RwMutexUnlock => (Kind::Write, false),
        LibFunc::RwMutexRLock => (Kind::Read, true),
        LibFunc::RwMutexRUnlock => (Kind::Read, false),
        _ => return None,
    })
}

/// How a function holds a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Held {
    /// Locked, to be unlocked explicitly or by a `defer`.
    Locked,
    /// Locked, with its unlock deferred.
    Deferred,
}

/// The keys held at a point (`None`: the point is not reached yet).
type State = Option<LiteMap<(Key, Kind), Held>>;

/// Every mutex and RWMutex unlock of `program` is paired (see the module docs).
pub fn all_unlocks_paired(program: &Program) -> bool {
    program.funcs.iter().all(|f| function_paired(program, f))
}

fn function_paired(program: &Program, func: &Func) -> bool {
    let code = &func.code;
    if code
        .iter()
        .any(|i| matches!(i, Instr::CallIface { name, .. } if names_unlock(program, *name)))
    {
        return false;
    }
    // A function that takes and releases no lock is paired (the analysis below would find
    // nothing to check), unless a jump leaves its code.
    let locks = |i: &Instr| match i {
        Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => lock_call(*func).is_some(),
        Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) => *t as usize > code.len(),
        _ => false,
    };
    if !code.iter().any(locks) {
        debug_assert!(analyse(func));
        return true;
    }
    analyse(func)
}

/// [`function_paired`] by the analysis itself.
fn analyse(func: &Func) -> bool {
    let code = &func.code;
    let mut at: Vec<State> = vec![None; code.len() + 1];
    at[0] = Some(LiteMap::new_vec());
    let mut work: Vec<usize> = vec![0];
    while let Some(pc) = work.pop() {
        let Some(mut held) = at[pc].clone() else {
            continue;
        };
        let Some(instr) = code.get(pc) else {
            continue;
        };
        match instr {
            Instr::CallLib { func, argc: 1 } if lock_call(*func).is_some_and(|(_, lock)| lock) => {
                if let (Some(k), Some((kind, _))) = (key_before(code, pc), lock_call(*func)) {
                    held.entry((k, kind)).or_insert(Held::Locked);
                }
            }
            Instr::CallLib { func, .. } if lock_call(*func).is_some() => {
                let Some((kind, _)) = lock_call(*func) else {
                    return false;
                };
                match key_before(code, pc) {
                    Some(k) if held.get(&(k.clone(), kind)) == Some(&Held::Locked) => {
                        held.remove(&(k, kind));
                    }
                    _ => return false,
                }
            }
            Instr::DeferLib { func, .. } if lock_call(*func).is_some() => {
                let Some((kind, false)) = lock_call(*func) else {
                    // A deferred lock: nothing pairs with it.
                    return false;
                };
                match key_before(code, pc) {
                    Some(k) if held.get(&(k.clone(), kind)) == Some(&Held::Locked) => {
                        held.insert((k, kind), Held::Deferred);
                    }
                    _ => return false,
                }
            }
            Instr::StoreLocal(n) | Instr::StoreLocalPath { slot: n, .. } => {
                held.retain(|(k, _), h| *h == Held::Deferred || k.base != (0, *n));
            }
            _ => {}
        }
        let mut next = Vec::new();
        if !matches!(instr, Instr::Jump(_) | Instr::Return | Instr::Panic) {
            next.push(pc + 1);
        }
        if let Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) = instr {
            next.push(*t as usize);
        }
        for n in next {
            let Some(slot) = at.get_mut(n) else {
                return false;
            };
            let merged = match slot {
                None => held.clone(),
                // The entries both agree on (`retain` keeps the order: no `collect`, whose
                // sort would add a standard-library sort to the page's wasm).
                Some(old) => {
                    let mut both = old.clone();
                    both.retain(|k, h| held.get(k) == Some(h));
                    both
                }
            };
            if slot.as_ref() != Some(&merged) {
                *slot = Some(merged);
                work.push(n);
            }
        }
    }
    true
}

/// The key of the receiver computed just before the call at `pc` (its only operand).
fn key_before(code: &[Instr], pc: usize) -> Option<Key> {
    let mut fields = Vec::new();
    let mut i = pc.checked_sub(1)?;
    loop {
        match code.get(i)? {
            Instr::FieldPtr(f) => {
                fields.push(*f);
                i = i.checked_sub(1)?;
            }
            Instr::LoadLocal(n) => return Some(key((0, *n), fields)),
            Instr::GlobalPtr(g) => return Some(key((1, g.0), fields)),
            Instr::Capture(c) => return Some(key((2, *c), fields)),
            _ => return None,
        }
    }
}

fn key(base: (u8, u32), mut fields: Vec<u32>) -> Key {
    fields.reverse();
    Key { base, fields }
}

fn names_unlock(program: &Program, name: super::StrId) -> bool {
    program
        .strings
        .get(name.0 as usize)
        .is_none_or(|s| matches!(&*s.to_lossy(), "Unlock" | "RUnlock"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;

    fn paired(body: &str) -> bool {
        let src = format!(
            "package main\n\nimport \"sync\"\n\ntype C struct {{\n\tmu sync.Mutex\n\tn  int\n}}\n\n\
             var g sync.Mutex\n\n{body}\n\nfunc main() {{}}\n"
        );
        all_unlocks_paired(&compile(&src).expect("compiles"))
    }

    #[test]
    fn lock_then_unlock_or_defer_is_paired() {
        assert!(paired(
            "func (c *C) inc() {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.n++\n}\n\
             func (c *C) get() int {\n\tc.mu.Lock()\n\tn := c.n\n\tc.mu.Unlock()\n\treturn n\n}\n\
             func h() {\n\tfor i := 0; i < 3; i++ {\n\t\tg.Lock()\n\t\tg.Unlock()\n\t}\n}"
        ));
    }

    #[test]
    fn read_and_write_locks_pair_each_with_their_own() {
        let rw = |body: &str| {
            paired(&format!(
                "type R struct {{\n\tmu sync.RWMutex\n}}\n\nfunc (r *R) f() {{\n{body}}}\n"
            ))
        };
        assert!(rw("\tr.mu.RLock()\n\tdefer r.mu.RUnlock()\n"));
        assert!(rw(
            "\tr.mu.Lock()\n\tr.mu.Unlock()\n\tr.mu.RLock()\n\tr.mu.RUnlock()\n"
        ));
        // A write lock undone as a read lock, and the other way round.
        assert!(!rw("\tr.mu.Lock()\n\tr.mu.RUnlock()\n"));
        assert!(!rw("\tr.mu.RLock()\n\tr.mu.Unlock()\n"));
        // A read lock undone twice.
        assert!(!rw("\tr.mu.RLock()\n\tr.mu.RUnlock()\n\tr.mu.RUnlock()\n"));
    }

    #[test]
    fn an_unlock_without_its_lock_is_not() {
        // A helper that unlocks what its caller locked.
        assert!(!paired("func (c *C) unlock() {\n\tc.mu.Unlock()\n}"));
        // Unlocked on one path only.
        assert!(!paired(
            "func f(b bool) {\n\tif b {\n\t\tg.Lock()\n\t}\n\tg.Unlock()\n}"
        ));
        // Two unlocks of one lock (the deferred one and an explicit one).
        assert!(!paired(
            "func f() {\n\tg.Lock()\n\tdefer g.Unlock()\n\tg.Unlock()\n}"
        ));
        // The receiver changed between the lock and the unlock.
        assert!(!paired(
            "func f(a, b *C) {\n\tc := a\n\tc.mu.Lock()\n\tc = b\n\tc.mu.Unlock()\n}"
        ));
        // Unlocked through an interface.
        assert!(!paired(
            "func f(l sync.Locker) {\n\tg.Lock()\n\tl.Unlock()\n}"
        ));
    }
}
