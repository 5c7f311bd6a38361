//! The process environment, as Go 1.19's `syscall/env_unix.go` keeps it: lowering passes its
//! hidden global (`os.environ`, `lang::lower::env`) first. The global is a string of
//! `KEY=VALUE` entries, each ended by a NUL byte (after a first NUL: see `envOnce` below), in the order they were first set (Go's
//! `envs`; a change replaces an entry in place): empty at the start, where Go's holds the
//! process's environment (`os.Getenv("HOME")` is `""` here).
//!
//! `syscall.envLock` is a `sync.RWMutex`: a read (`Getenv`, `LookupEnv`) locks it for reading
//! (acquires the last change, releases into the readers' clock), a change (`Setenv`,
//! `Unsetenv`, `t.Setenv` and its cleanup) for writing (acquires the last change and every
//! read, releases), the effects of `rt::rwmutex`'s lock and unlock in one step. The global's
//! cell is only stored, never read or written as memory, so it is never reported as a race.
//! Every call first runs `envOnce.Do(copyenv)`: the first call of the run stores the Once's
//! `done` flag, which every later call loads, atomics that Go's race runtime treats as a
//! release and acquires (`SyncVar::Once` of the global): the first call happens before every
//! later one. The global marks that the first call happened with a leading NUL byte.

use super::*;
use crate::rt::event::SyncVar;
use crate::rt::value::Closure;

/// Whether `f` is a call on the environment this file runs.
pub(super) fn is_env_call(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::OsGetenv
            | LibFunc::OsLookupEnv
            | LibFunc::OsSetenv
            | LibFunc::OsUnsetenv
            | LibFunc::TestingSetenvEnv
            | LibFunc::EnvRestore
    )
}

/// The entries of an environment string, `(key, value)` in order.
fn entries(env: &[u8]) -> Vec<(&[u8], &[u8])> {
    env.split(|&b| b == 0)
        .filter(|e| !e.is_empty())
        .map(|e| match e.iter().position(|&b| b == b'=') {
            Some(i) => (&e[..i], &e[i + 1..]),
            None => (e, &[][..]),
        })
        .collect()
}

/// The environment `env` with `key` set to `value` (`None`: removed).
fn with(env: &[u8], key: &[u8], value: Option<&[u8]>) -> Vec<u8> {
    // The leading NUL: `envOnce` ran.
    let mut out = Vec::with_capacity(env.len() + key.len() + 3);
    out.push(0);
    let mut found = false;
    for (k, v) in entries(env) {
        let v = if k == key {
            found = true;
            match value {
                Some(value) => value,
                None => continue,
            }
        } else {
            v
        };
        out.extend_from_slice(k);
        out.push(b'=');
        out.extend_from_slice(v);
        out.push(0);
    }
    if let (false, Some(value)) = (found, value) {
        out.extend_from_slice(key);
        out.push(b'=');
        out.extend_from_slice(value);
        out.push(0);
    }
    out
}

/// Whether `syscall.Setenv` takes `key` and `value` (else `EINVAL`).
fn valid(key: &[u8], value: &[u8]) -> bool {
    !key.is_empty() && !key.iter().any(|&b| b == b'=' || b == 0) && !value.contains(&0)
}

/// `envLock.RLock()` then `RUnlock()`.
fn read_locked(env: &Pointer) -> Vec<Effect> {
    vec![
        Effect::Acquire(SyncVar::Lock(env.clone())),
        Effect::Release(SyncVar::ReadLock(env.clone())),
    ]
}

/// `envLock.Lock()` then `Unlock()`.
fn write_locked(env: &Pointer) -> Vec<Effect> {
    vec![
        Effect::Acquire(SyncVar::Lock(env.clone())),
        Effect::Acquire(SyncVar::ReadLock(env.clone())),
        Effect::Release(SyncVar::Lock(env.clone())),
    ]
}

impl Machine {
    /// A call on the environment (`args[0]` points to its global); its results.
    pub(super) fn env_call(&mut self, gid: Gid, func: LibFunc, args: &[Value]) -> R<Vec<Value>> {
        let env = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(InternalError::new("the environment without its global").into()),
        };
        let mut current = str_of(&self.heap.load(&env)?)?.clone();
        // `envOnce.Do(copyenv)`: its `done` flag loaded; stored by the first call.
        let mut once = vec![Effect::Acquire(SyncVar::Once(env.clone()))];
        if current.is_empty() {
            once.push(Effect::Release(SyncVar::Once(env.clone())));
            current = GoString::from_bytes(b"\0");
            self.heap.store(&env, Value::Str(current.clone()))?;
        }
        let lookup = |key: &[u8]| -> Option<GoString> {
            (entries(current.as_bytes()).into_iter())
                .find(|(k, _)| *k == key)
                .map(|(_, v)| GoString::from_bytes(v))
        };
        match func {
            LibFunc::OsGetenv | LibFunc::OsLookupEnv => {
                let key = string_arg(args, 1)?;
                let found = lookup(key.as_bytes()).filter(|_| !key.is_empty());
                // An empty key returns before the lock.
                let mut eff = once;
                if !key.is_empty() {
                    eff.extend(read_locked(&env));
                }
                let value = Value::Str(current.clone());
                self.emit(gid, Op::Load { ptr: env, value }, eff);
                let mut results = vec![Value::Str(found.clone().unwrap_or_default())];
                if func == LibFunc::OsLookupEnv {
                    results.push(Value::Bool(found.is_some()));
                }
                Ok(results)
            }
            LibFunc::OsSetenv | LibFunc::OsUnsetenv => {
                let key = string_arg(args, 1)?;
                let value = match func {
                    LibFunc::OsSetenv => Some(string_arg(args, 2)?),
                    _ => None,
                };
                let ok = value
                    .as_ref()
                    .is_none_or(|v| valid(key.as_bytes(), v.as_bytes()));
                if !ok {
                    // `syscall.Setenv` returns `EINVAL` before the lock.
                    let value = Value::Str(current);
                    self.emit(gid, Op::Load { ptr: env, value }, once);
                    let msg = GoString::from("setenv: invalid argument");
                    return Ok(vec![self.new_error(&msg, Value::Iface(None))?]);
                }
                let value = value.as_ref().map(|v| v.as_bytes());
                self.set_env(gid, &env, once, current.as_bytes(), key.as_bytes(), value)?;
                Ok(vec![Value::Iface(None)])
            }
            LibFunc::EnvRestore => {
                let key = string_arg(args, 1)?;
                let prev = string_arg(args, 2)?;
                let had = matches!(args.get(3), Some(Value::Bool(true)));
                let value = had.then_some(prev.as_bytes());
                self.set_env(gid, &env, once, current.as_bytes(), key.as_bytes(), value)?;
                Ok(Vec::new())
            }
            _ => self.testing_setenv(gid, &env, once, &current, args),
        }
    }

    /// Stores the environment `current` with `key` set to `value` (`None`: removed) as one
    /// step under the write lock, after `effects` (`envOnce`'s).
    fn set_env(
        &mut self,
        gid: Gid,
        env: &Pointer,
        mut effects: Vec<Effect>,
        current: &[u8],
        key: &[u8],
        value: Option<&[u8]>,
    ) -> R<()> {
        let value = Value::Str(GoString::from(with(current, key, value)));
        self.heap.store(env, value.clone())?;
        let ptr = env.clone();
        effects.extend(write_locked(env));
        self.emit(gid, Op::Store { ptr, value }, effects);
        Ok(())
    }

    /// `t.Setenv(key, value)` (`args`: the environment, `t`, `key`, `value`, the cleanup's
    /// function): Go's `(*T).Setenv` panics in a parallel test; else `(*common).Setenv` sets
    /// the variable and registers the cleanup, bound to the previous value.
    fn testing_setenv(
        &mut self,
        gid: Gid,
        env: &Pointer,
        once: Vec<Effect>,
        current: &GoString,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let t = match args.get(1) {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        if self.test_state(&t)?.parallel {
            return Err(RtError::library_panic(
                "testing: t.Setenv called after t.Parallel; cannot set environment variables in parallel tests",
            )
            .into());
        }
        let key = string_arg(args, 2)?;
        let value = string_arg(args, 3)?;
        let restore = match args.get(4) {
            Some(Value::Func(Some(c))) => c.func,
            _ => return Err(InternalError::new("t.Setenv without its cleanup").into()),
        };
        if !valid(key.as_bytes(), value.as_bytes()) {
            // Go's `c.Fatalf("cannot set environment variable: %v", err)`.
            return Err(RtError::library_panic(
                "racemap: t.Setenv with an invalid key or value (Go fails the test: cannot set environment variable: setenv: invalid argument)",
            )
            .into());
        }
        let prev = (entries(current.as_bytes()).into_iter())
            .find(|(k, _)| *k == key.as_bytes())
            .map(|(_, v)| GoString::from_bytes(v));
        // (`LookupEnv`, then `Setenv`: one step; the second's `envOnce` adds nothing.)
        self.set_env(
            gid,
            env,
            once,
            current.as_bytes(),
            key.as_bytes(),
            Some(value.as_bytes()),
        )?;
        let bound = Value::Struct(Box::new([
            Value::Ptr(Some(env.clone())),
            Value::Str(key),
            Value::Str(prev.clone().unwrap_or_default()),
            Value::Bool(prev.is_some()),
        ]));
        let cleanup = Value::Func(Some(Rc::new(Closure {
            func: restore,
            captures: Vec::new(),
            bound: Some(bound),
        })));
        let state = self.test_state(&t)?;
        state.env_set = true;
        state.cleanups.push(cleanup);
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_set_in_place_appended_and_removed() {
        let env = with(b"", b"A", Some(b"1"));
        let env = with(&env, b"B", Some(b"x=y"));
        let env = with(&env, b"A", Some(b"2"));
        assert_eq!(env, b"\0A=2\0B=x=y\0");
        assert_eq!(
            entries(&env),
            vec![(&b"A"[..], &b"2"[..]), (&b"B"[..], &b"x=y"[..])]
        );
        assert_eq!(with(&env, b"A", None), b"\0B=x=y\0");
        assert!(!valid(b"", b"v") && !valid(b"A=B", b"v") && !valid(b"A", b"\0"));
    }
}
