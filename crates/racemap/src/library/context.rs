//! The library table's rows for package `context`.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! context_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `context.Background() Context`
            ContextBackground => func("context", "Background").results(&[CONTEXT]),
            /// `context.TODO() Context`
            ContextTodo => func("context", "TODO").results(&[CONTEXT]),
            /// `context.WithCancel(parent Context) (ctx Context, cancel CancelFunc)`: registers the
            /// child with its parent (under the parent's lock).
            ContextWithCancel => func("context", "WithCancel")
                .params(&[CONTEXT])
                .results(&[CONTEXT, CANCEL_FUNC])
                .visibility(Object),
            /// `context.WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)`:
            /// `WithDeadline(parent, time.Now().Add(timeout))`.
            ContextWithTimeout => func("context", "WithTimeout")
                .params(&[CONTEXT, DURATION])
                .results(&[CONTEXT, CANCEL_FUNC])
                .visibility(Timer),
            /// `context.WithDeadline(parent Context, d time.Time) (Context, CancelFunc)`: arms a timer
            /// that cancels the context with `DeadlineExceeded`.
            ContextWithDeadline => func("context", "WithDeadline")
                .params(&[CONTEXT, TIME])
                .results(&[CONTEXT, CANCEL_FUNC])
                .visibility(Timer),
            /// `context.WithValue(parent Context, key, val any) Context`
            ContextWithValue => func("context", "WithValue")
                .params(&[CONTEXT, ANY, ANY])
                .results(&[CONTEXT]),
            /// `context.Canceled`: the error `Err` returns after a cancel (a package variable).
            ContextCanceled => LibFuncSpec::new(Owner::PackageVar("context"), "Canceled").results(&[ERROR]),
            /// `context.DeadlineExceeded`: the error `Err` returns after the deadline.
            ContextDeadlineExceeded =>
                LibFuncSpec::new(Owner::PackageVar("context"), "DeadlineExceeded").results(&[ERROR]),
            /// `Done() <-chan struct{}` of the contexts package `context` makes (under their lock).
            ContextDone => method(SyncKind::Context, "Done").results(&[DONE_CHAN]).visibility(Object),
            /// `Err() error` (under the context's lock).
            ContextErr => method(SyncKind::Context, "Err").results(&[ERROR]).visibility(Object),
            /// `Value(key any) any`: the value of the nearest `WithValue` with an equal key.
            ContextValue => method(SyncKind::Context, "Value").params(&[ANY]).results(&[ANY]),
            /// `Deadline() (deadline time.Time, ok bool)`
            ContextDeadline => method(SyncKind::Context, "Deadline").results(&[TIME, BOOL]),
            /// The `CancelFunc` of `WithCancel`/`WithDeadline`/`WithTimeout` (`context.WithCancel.func1`,
            /// compiled by lowering): cancels the context it is bound to, its children, its timer.
            ContextCancel =>
                LibFuncSpec::new(Owner::Runtime("context"), "WithCancel.func1").visibility(Object),
        }
    };
}
