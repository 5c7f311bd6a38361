//! The library table's rows for the process environment (`os.Getenv` and its kind, `t.Setenv`;
//! `rt/interp/env.rs`). Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!`
//! (`table_macro.rs`).

macro_rules! env_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // The environment is a hidden global lowering passes first (`os.environ`, a string
            // of `KEY=VALUE` entries each ended by a NUL byte: empty at the start, where Go's
            // holds the process's), guarded as Go's `syscall.envLock` (a `sync.RWMutex`): a
            // read locks it for reading, a change for writing (`rt/interp/env.rs`).
            /// `os.Getenv(key string) string`
            OsGetenv => func("os", "Getenv").params(&[STRING]).results(&[STRING]).visibility(Object),
            /// `os.LookupEnv(key string) (string, bool)`
            OsLookupEnv =>
                func("os", "LookupEnv").params(&[STRING]).results(&[STRING, BOOL]).visibility(Object),
            /// `os.Setenv(key, value string) error`
            OsSetenv => func("os", "Setenv").params(&[STRING, STRING]).results(&[ERROR]).visibility(Object),
            /// `os.Unsetenv(key string) error`
            OsUnsetenv => func("os", "Unsetenv").params(&[STRING]).results(&[ERROR]).visibility(Object),
            /// `t.Setenv(key, value)` as lowering calls it: `(env, t, key, value, restore)`, where
            /// `restore` is the compiled `testing.(*common).Setenv.func1`, which the call binds to
            /// the previous value and registers as a cleanup of `t`. Panics in a parallel test.
            TestingSetenvEnv => LibFuncSpec::new(Owner::Runtime("testing"), "(*T).Setenv")
                .visibility(Object),
            /// The cleanup of `t.Setenv`: `(env, key, previous value, whether there was one)`;
            /// `os.Setenv(key, previous)` or `os.Unsetenv(key)`.
            EnvRestore => LibFuncSpec::new(Owner::Runtime("testing"), "(*common).Setenv.func1")
                .visibility(Object),
        }
    };
}
