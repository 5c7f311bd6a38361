//! The library table's rows for package `errors` and the `error` interface's `Error` method.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! errors_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `fmt.Errorf(format string, a ...any) error`
            FmtErrorf => func("fmt", "Errorf").params(&[STRING, ANYS]).variadic().results(&[ERROR]),
            /// `errors.New(text string) error`: a new error, equal only to itself.
            ErrorsNew => func("errors", "New").params(&[STRING]).results(&[ERROR]),
            /// `errors.Is(err, target error) bool`: `err` or an error it wraps is `target`.
            ErrorsIs => func("errors", "Is").params(&[ERROR, ERROR]).results(&[BOOL]),
            /// `errors.Unwrap(err error) error`: the error wrapped by `fmt.Errorf`'s `%w`, or nil.
            ErrorsUnwrap => func("errors", "Unwrap").params(&[ERROR]).results(&[ERROR]),
            /// `errors.As(err error, target any) bool`: stores the first error in `err`'s chain that is
            /// assignable to `*target` (a visible write of `*target`).
            ErrorsAs => func("errors", "As").params(&[ERROR, ANY]).results(&[BOOL]).visibility(Object),
            /// `error.Error() string`: the message of an error value (the only interface method call
            /// racemap supports; errors come from `errors.New`, `fmt.Errorf` and `strconv.Atoi`).
            ErrorError => LibFuncSpec::new(Owner::Interface("error"), "Error").results(&[STRING]),
        }
    };
}
