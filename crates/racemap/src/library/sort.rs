//! The library table's rows for package `sort` (compiled by lowering, `lang/lower/sort.rs`).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! sort_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // `sort`: lowering compiles each call into bytecode that calls the user's `Less`/`Swap`
            // or `less` and reads and writes the slice's elements as the program's own code
            // (`lang/lower/sort.rs`); the rows give the checker the signatures.
            /// `sort.Sort(data Interface)`
            SortSort => func("sort", "Sort").params(&[SORT_INTERFACE]),
            /// `sort.Stable(data Interface)`
            SortStable => func("sort", "Stable").params(&[SORT_INTERFACE]),
            /// `sort.IsSorted(data Interface) bool`
            SortIsSorted => func("sort", "IsSorted").params(&[SORT_INTERFACE]).results(&[BOOL]),
            /// `sort.Slice(x any, less func(i, j int) bool)`
            SortSlice => func("sort", "Slice").params(&[ANY, LESS]),
            /// `sort.SliceStable(x any, less func(i, j int) bool)`
            SortSliceStable => func("sort", "SliceStable").params(&[ANY, LESS]),
            /// `sort.SliceIsSorted(x any, less func(i, j int) bool) bool`
            SortSliceIsSorted => func("sort", "SliceIsSorted").params(&[ANY, LESS]).results(&[BOOL]),
            /// `sort.Ints(x []int)`
            SortInts => func("sort", "Ints").params(&[INTS]),
            /// `sort.Strings(x []string)`
            SortStrings => func("sort", "Strings").params(&[STRINGS]),
            /// `sort.Float64s(x []float64)`
            SortFloat64s => func("sort", "Float64s").params(&[FLOAT64S]),
            /// `sort.IntsAreSorted(x []int) bool`
            SortIntsAreSorted => func("sort", "IntsAreSorted").params(&[INTS]).results(&[BOOL]),
            /// `sort.StringsAreSorted(x []string) bool`
            SortStringsAreSorted => func("sort", "StringsAreSorted").params(&[STRINGS]).results(&[BOOL]),
            /// `sort.Search(n int, f func(int) bool) int`
            SortSearch => func("sort", "Search")
                .params(&[INT, LibType::Func(&[INT], &[BOOL])])
                .results(&[INT]),
            /// `sort.Float64sAreSorted(x []float64) bool`
            SortFloat64sAreSorted => func("sort", "Float64sAreSorted").params(&[FLOAT64S]).results(&[BOOL]),
            /// `sort.SearchFloat64s(a []float64, x float64) int`
            SortSearchFloat64s =>
                func("sort", "SearchFloat64s").params(&[FLOAT64S, FLOAT64]).results(&[INT]),
            /// `sort.SearchInts(a []int, x int) int`
            SortSearchInts => func("sort", "SearchInts").params(&[INTS, INT]).results(&[INT]),
            /// `sort.SearchStrings(a []string, x string) int`
            SortSearchStrings => func("sort", "SearchStrings").params(&[STRINGS, STRING]).results(&[INT]),
            /// `sort.Reverse(data Interface) Interface`: `&reverse{data}`, whose `Less(i, j)` is
            /// `data.Less(j, i)` (compiled, `lang/lower/sort_types.rs`).
            SortReverse => func("sort", "Reverse").params(&[SORT_INTERFACE]).results(&[SORT_INTERFACE]),
            /// `(sort.IntSlice).Len() int` (the methods of `sort.IntSlice` are compiled, `sort_types.rs`)
            IntSliceLen => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Len").results(&[INT]),
            /// `(sort.IntSlice).Less(i, j int) bool`
            IntSliceLess =>
                LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Less").params(&[INT, INT]).results(&[BOOL]),
            /// `(sort.IntSlice).Swap(i, j int)`
            IntSliceSwap => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Swap").params(&[INT, INT]),
            /// `(sort.IntSlice).Sort()`: `sort.Sort(x)`
            IntSliceSort => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Sort"),
            /// `(sort.IntSlice).Search(x int) int`
            IntSliceSearch =>
                LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Search").params(&[INT]).results(&[INT]),
            /// `(sort.StringSlice).Len() int` (the methods of `sort.StringSlice` are compiled, `sort_types.rs`)
            StringSliceLen => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Len").results(&[INT]),
            /// `(sort.StringSlice).Less(i, j int) bool`
            StringSliceLess =>
                LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Less").params(&[INT, INT]).results(&[BOOL]),
            /// `(sort.StringSlice).Swap(i, j int)`
            StringSliceSwap => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Swap").params(&[INT, INT]),
            /// `(sort.StringSlice).Sort()`: `sort.Sort(x)`
            StringSliceSort => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Sort"),
            /// `(sort.StringSlice).Search(x string) int`
            StringSliceSearch =>
                LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Search").params(&[STRING]).results(&[INT]),
            /// `(sort.Float64Slice).Len() int` (the methods of `sort.Float64Slice` are compiled, `sort_types.rs`)
            Float64SliceLen => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Len").results(&[INT]),
            /// `(sort.Float64Slice).Less(i, j int) bool`
            Float64SliceLess =>
                LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Less").params(&[INT, INT]).results(&[BOOL]),
            /// `(sort.Float64Slice).Swap(i, j int)`
            Float64SliceSwap => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Swap").params(&[INT, INT]),
            /// `(sort.Float64Slice).Sort()`: `sort.Sort(x)`
            Float64SliceSort => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Sort"),
            /// `(sort.Float64Slice).Search(x float64) int`
            Float64SliceSearch =>
                LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Search").params(&[FLOAT64]).results(&[INT]),
        }
    };
}
