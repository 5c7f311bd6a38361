//! The macro that declares [`LibFunc`](super::LibFunc) from the table's parts: one file per
//! package or concern (`fmt_os.rs`, `time.rs`, …), each a macro `NAME_rows!` holding its rows.
//! Gathering is a callback chain: `lib_funcs! { [a_rows, b_rows] }` calls
//! `a_rows! { lib_funcs, @gather [b_rows] }`, which calls back with its rows appended, until
//! no part is left and the whole table is declared at once.

/// Declares [`LibFunc`] from the table's parts (`lib_funcs! { [a_rows, b_rows, …] }`, in that
/// order): each row is a variant with its docs and its [`LibFuncSpec`] (a `const`
/// expression). Generates the enum, [`LibFunc::ALL`] and [`LibFunc::spec`], so a new row
/// cannot be missing from any of them.
macro_rules! lib_funcs {
    ([$($part:ident),* $(,)?]) => {
        lib_funcs! { @gather [$($part),*] }
    };
    (@gather [$next:ident $(, $rest:ident)*] $($rows:tt)*) => {
        $next! { lib_funcs, @gather [$($rest),*] $($rows)* }
    };
    (@gather [] $($(#[$doc:meta])* $name:ident => $spec:expr,)*) => {
        /// A library function or method the VM implements natively. Package functions are
        /// called with their arguments; methods of the `sync`/`atomic` types are called with a
        /// *pointer* to the receiver as the first operand (the checker records the needed `&`
        /// in [`Selection`](../lang/check/info/struct.Selection.html)); an interface method
        /// (`error.Error`) gets the interface value.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum LibFunc {
            $($(#[$doc])* $name,)*
        }

        impl LibFunc {
            /// Every library function, in declaration order.
            pub const ALL: &'static [LibFunc] = &[$(LibFunc::$name,)*];

            /// The facts about this function: its row of the table.
            pub fn spec(self) -> &'static LibFuncSpec {
                const SPECS: &[LibFuncSpec] = &[$($spec,)*];
                &SPECS[self as usize]
            }
        }
    };
}
