//! The library table's rows for package `strings`'s functions (local computation on byte strings; the ones taking a function of the program are compiled by lowering).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! strings_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `strings.Contains(s, substr string) bool`
            StringsContains => func("strings", "Contains").params(&[STRING, STRING]).results(&[BOOL]),
            /// `strings.HasPrefix(s, prefix string) bool`
            StringsHasPrefix => func("strings", "HasPrefix").params(&[STRING, STRING]).results(&[BOOL]),
            /// `strings.HasSuffix(s, suffix string) bool`
            StringsHasSuffix => func("strings", "HasSuffix").params(&[STRING, STRING]).results(&[BOOL]),
            /// `strings.Repeat(s string, n int) string`
            StringsRepeat => func("strings", "Repeat").params(&[STRING, INT]).results(&[STRING]),
            /// `strings.ToUpper(s string) string`
            StringsToUpper => func("strings", "ToUpper").params(&[STRING]).results(&[STRING]),
            /// `strings.ToLower(s string) string`
            StringsToLower => func("strings", "ToLower").params(&[STRING]).results(&[STRING]),
            /// `strings.Join(elems []string, sep string) string`
            StringsJoin => func("strings", "Join")
                .params(&[LibType::Slice(&STRING), STRING])
                .results(&[STRING]),
            /// `strings.Split(s, sep string) []string`
            StringsSplit => func("strings", "Split")
                .params(&[STRING, STRING])
                .results(&[LibType::Slice(&STRING)]),
            // More of `strings` and `strconv` (local computation on byte strings).
            /// `strings.Fields(s string) []string`
            StringsFields => func("strings", "Fields").params(&[STRING]).results(&[STRINGS]),
            /// `strings.Title(s string) string`: each letter that begins a word in title case
            /// (Go's `isSeparator` and `unicode.ToTitle`).
            StringsTitle => func("strings", "Title").params(&[STRING]).results(&[STRING]),
            // The `strings` functions that call a function of the program: lowering compiles each to
            // a loop calling it as program code (`lang/lower/strings_func.rs`); the rows give the
            // checker the signatures.
            /// `strings.Map(mapping func(rune) rune, s string) string`
            StringsMap => func("strings", "Map").params(&[RUNE_MAPPING, STRING]).results(&[STRING]),
            /// `strings.IndexFunc(s string, f func(rune) bool) int`
            StringsIndexFunc => func("strings", "IndexFunc").params(&[STRING, RUNE_TEST]).results(&[INT]),
            /// `strings.LastIndexFunc(s string, f func(rune) bool) int`
            StringsLastIndexFunc =>
                func("strings", "LastIndexFunc").params(&[STRING, RUNE_TEST]).results(&[INT]),
            /// `strings.TrimFunc(s string, f func(rune) bool) string`
            StringsTrimFunc => func("strings", "TrimFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
            /// `strings.TrimLeftFunc(s string, f func(rune) bool) string`
            StringsTrimLeftFunc =>
                func("strings", "TrimLeftFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
            /// `strings.TrimRightFunc(s string, f func(rune) bool) string`
            StringsTrimRightFunc =>
                func("strings", "TrimRightFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
            /// `strings.FieldsFunc(s string, f func(rune) bool) []string`
            StringsFieldsFunc =>
                func("strings", "FieldsFunc").params(&[STRING, RUNE_TEST]).results(&[STRINGS]),
            /// The fields of `FieldsFunc(s, f)` given `flags`, one byte per rune of `s` (1: `f` was
            /// true for it), as Go 1.19's span loop cuts them; for the compiled `FieldsFunc`.
            StringsFieldsSpans => LibFuncSpec::new(Owner::Runtime("strings"), "FieldsFunc.spans")
                .params(&[STRING, STRING])
                .results(&[STRINGS]),
            /// `strings.TrimSpace(s string) string`
            StringsTrimSpace => func("strings", "TrimSpace").params(&[STRING]).results(&[STRING]),
            /// `strings.Trim(s, cutset string) string`
            StringsTrim => func("strings", "Trim").params(&[STRING, STRING]).results(&[STRING]),
            /// `strings.TrimLeft(s, cutset string) string`
            StringsTrimLeft => func("strings", "TrimLeft").params(&[STRING, STRING]).results(&[STRING]),
            /// `strings.TrimRight(s, cutset string) string`
            StringsTrimRight => func("strings", "TrimRight").params(&[STRING, STRING]).results(&[STRING]),
            /// `strings.TrimPrefix(s, prefix string) string`
            StringsTrimPrefix => func("strings", "TrimPrefix").params(&[STRING, STRING]).results(&[STRING]),
            /// `strings.TrimSuffix(s, suffix string) string`
            StringsTrimSuffix => func("strings", "TrimSuffix").params(&[STRING, STRING]).results(&[STRING]),
            /// `strings.Index(s, substr string) int`
            StringsIndex => func("strings", "Index").params(&[STRING, STRING]).results(&[INT]),
            /// `strings.LastIndex(s, substr string) int`
            StringsLastIndex => func("strings", "LastIndex").params(&[STRING, STRING]).results(&[INT]),
            /// `strings.IndexByte(s string, c byte) int`
            StringsIndexByte => func("strings", "IndexByte").params(&[STRING, BYTE]).results(&[INT]),
            /// `strings.IndexRune(s string, r rune) int`
            StringsIndexRune => func("strings", "IndexRune").params(&[STRING, RUNE]).results(&[INT]),
            /// `strings.Replace(s, old, new string, n int) string`
            StringsReplace => func("strings", "Replace")
                .params(&[STRING, STRING, STRING, INT])
                .results(&[STRING]),
            /// `strings.ReplaceAll(s, old, new string) string`
            StringsReplaceAll => func("strings", "ReplaceAll")
                .params(&[STRING, STRING, STRING])
                .results(&[STRING]),
            /// `strings.Count(s, substr string) int`
            StringsCount => func("strings", "Count").params(&[STRING, STRING]).results(&[INT]),
            /// `strings.EqualFold(s, t string) bool`
            StringsEqualFold => func("strings", "EqualFold").params(&[STRING, STRING]).results(&[BOOL]),
            /// `strings.SplitN(s, sep string, n int) []string`
            StringsSplitN => func("strings", "SplitN").params(&[STRING, STRING, INT]).results(&[STRINGS]),
            /// `strings.SplitAfter(s, sep string) []string`
            StringsSplitAfter => func("strings", "SplitAfter").params(&[STRING, STRING]).results(&[STRINGS]),
            /// `strings.ContainsAny(s, chars string) bool`
            StringsContainsAny => func("strings", "ContainsAny").params(&[STRING, STRING]).results(&[BOOL]),
            /// `strings.ContainsRune(s string, r rune) bool`
            StringsContainsRune => func("strings", "ContainsRune").params(&[STRING, RUNE]).results(&[BOOL]),
            /// `strings.IndexAny(s, chars string) int`
            StringsIndexAny => func("strings", "IndexAny").params(&[STRING, STRING]).results(&[INT]),
            /// `strings.LastIndexByte(s string, c byte) int`
            StringsLastIndexByte => func("strings", "LastIndexByte").params(&[STRING, BYTE]).results(&[INT]),
            /// `strings.Cut(s, sep string) (before, after string, found bool)`
            StringsCut => func("strings", "Cut").params(&[STRING, STRING]).results(&[STRING, STRING, BOOL]),
            /// `strings.CutPrefix(s, prefix string) (after string, found bool)` (Go 1.20)
            StringsCutPrefix => func("strings", "CutPrefix").params(&[STRING, STRING]).results(&[STRING, BOOL]),
            /// `strings.CutSuffix(s, suffix string) (before string, found bool)` (Go 1.20)
            StringsCutSuffix => func("strings", "CutSuffix").params(&[STRING, STRING]).results(&[STRING, BOOL]),
            /// `strings.Clone(s string) string`: a copy (the same bytes: racemap's strings
            /// are immutable and shared).
            StringsClone => func("strings", "Clone").params(&[STRING]).results(&[STRING]),
            /// `strings.Compare(a, b string) int`
            StringsCompare => func("strings", "Compare").params(&[STRING, STRING]).results(&[INT]),
            /// `strings.NewReplacer(oldnew ...string) *Replacer`: panics
            /// `strings.NewReplacer: odd argument count`. The pairs are kept as given; a
            /// Replacer is immutable (Go's lazy build under a `sync.Once` is not modelled: reads
            /// of a Replacer are local computation, as Go's are safe for concurrent use).
            StringsNewReplacer => func("strings", "NewReplacer")
                .params(&[STRINGS])
                .variadic()
                .results(&[REPLACER_PTR]),
            /// `(*strings.Replacer).Replace(s string) string`: Go's `genericReplacer` (every
            /// specialized replacer Go picks replaces the same way): at each byte, the first pair
            /// in argument order whose old string matches there, an empty old string matching
            /// once between matches (`rt/strings_replace.rs`).
            ReplacerReplace => LibFuncSpec::new(Owner::Struct("strings", "Replacer"), "Replace")
                .params(&[STRING])
                .results(&[STRING]),
        }
    };
}
