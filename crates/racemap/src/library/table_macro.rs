//! The macro that declares [`LibFunc`](super::LibFunc) from the table in `mod.rs`.

/// Declares [`LibFunc`] from one table: each row is a variant with its docs and its
/// [`LibFuncSpec`] (a `const` expression). Generates the enum, [`LibFunc::ALL`] and
/// [`LibFunc::spec`], so a new row cannot be missing from any of them.
macro_rules! lib_funcs {
    ($($(#[$doc:meta])* $name:ident => $spec:expr,)*) => {
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
