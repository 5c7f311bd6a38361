//! The library table's rows for package `strconv` and its `*NumError`.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! strconv_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `strconv.Itoa(int) string`
            StrconvItoa => func("strconv", "Itoa").params(&[INT]).results(&[STRING]),
            /// `strconv.Atoi(string) (int, error)`
            StrconvAtoi => func("strconv", "Atoi").params(&[STRING]).results(&[INT, ERROR]),
            /// `strconv.FormatInt(i int64, base int) string`
            StrconvFormatInt => func("strconv", "FormatInt").params(&[INT64, INT]).results(&[STRING]),
            /// `strconv.FormatUint(i uint64, base int) string`
            StrconvFormatUint => func("strconv", "FormatUint").params(&[UINT64, INT]).results(&[STRING]),
            /// `strconv.ParseInt(s string, base int, bitSize int) (int64, error)`
            StrconvParseInt => func("strconv", "ParseInt")
                .params(&[STRING, INT, INT])
                .results(&[INT64, ERROR]),
            /// `strconv.ParseUint(s string, base int, bitSize int) (uint64, error)`
            StrconvParseUint => func("strconv", "ParseUint")
                .params(&[STRING, INT, INT])
                .results(&[UINT64, ERROR]),
            /// `strconv.ParseBool(str string) (bool, error)`
            StrconvParseBool => func("strconv", "ParseBool").params(&[STRING]).results(&[BOOL, ERROR]),
            /// `strconv.FormatBool(b bool) string`
            StrconvFormatBool => func("strconv", "FormatBool").params(&[BOOL]).results(&[STRING]),
            /// `strconv.Quote(s string) string`
            StrconvQuote => func("strconv", "Quote").params(&[STRING]).results(&[STRING]),
            /// `strconv.QuoteRune(r rune) string`
            StrconvQuoteRune => func("strconv", "QuoteRune").params(&[RUNE]).results(&[STRING]),
            /// `strconv.QuoteToASCII(s string) string`: `Quote` with every non-ASCII rune escaped.
            StrconvQuoteToASCII => func("strconv", "QuoteToASCII").params(&[STRING]).results(&[STRING]),
            /// `strconv.QuoteRuneToASCII(r rune) string`
            StrconvQuoteRuneToASCII =>
                func("strconv", "QuoteRuneToASCII").params(&[RUNE]).results(&[STRING]),
            /// `strconv.Unquote(s string) (string, error)`: the value of a Go string or rune literal;
            /// `ErrSyntax` itself when `s` is not one (`strconv/unquote.rs`).
            StrconvUnquote => func("strconv", "Unquote").params(&[STRING]).results(&[STRING, ERROR]),
            /// `strconv.UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string,
            /// err error)`
            StrconvUnquoteChar => func("strconv", "UnquoteChar")
                .params(&[STRING, BYTE])
                .results(&[RUNE, BOOL, STRING, ERROR]),
            /// `strconv.ErrSyntax`: the `Err` of a `*NumError` for a malformed number (a package
            /// variable).
            StrconvErrSyntax => LibFuncSpec::new(Owner::PackageVar("strconv"), "ErrSyntax").results(&[ERROR]),
            /// `strconv.ErrRange`: the `Err` of a `*NumError` for a number out of range.
            StrconvErrRange => LibFuncSpec::new(Owner::PackageVar("strconv"), "ErrRange").results(&[ERROR]),
            /// `strconv.ParseFloat(s string, bitSize int) (float64, error)` (`rt/parse_float.rs`)
            StrconvParseFloat =>
                func("strconv", "ParseFloat").params(&[STRING, INT]).results(&[FLOAT64, ERROR]),
            /// `strconv.FormatFloat(f float64, fmt byte, prec, bitSize int) string`
            StrconvFormatFloat => func("strconv", "FormatFloat")
                .params(&[FLOAT64, BYTE, INT, INT])
                .results(&[STRING]),
            /// `(*strconv.NumError).Error() string`: `strconv.` + Func + `: parsing ` + quoted Num +
            /// `: ` + Err's message (reads the fields).
            NumErrorError => LibFuncSpec::new(Owner::Struct("strconv", "NumError"), "Error").results(&[STRING]),
            /// `(*strconv.NumError).Unwrap() error`: its Err.
            NumErrorUnwrap =>
                LibFuncSpec::new(Owner::Struct("strconv", "NumError"), "Unwrap").results(&[ERROR]),
        }
    };
}
