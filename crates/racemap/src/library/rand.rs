//! The library table's rows for package `math/rand`: the global source and `*rand.Rand` (`rt/interp/rand.rs`).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! rand_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // `math/rand`'s top-level functions: each is a visible operation on the global source
            // (Go locks it), whose hidden cell lowering passes as the first operand (`rt/rand.rs`).
            /// `rand.Seed(seed int64)`
            RandSeed => func("math/rand", "Seed").params(&[INT64]).visibility(Object),
            /// `rand.Int() int`
            RandInt => func("math/rand", "Int").results(&[INT]).visibility(Object),
            /// `rand.Intn(n int) int`
            RandIntn => func("math/rand", "Intn").params(&[INT]).results(&[INT]).visibility(Object),
            /// `rand.Int63() int64`
            RandInt63 => func("math/rand", "Int63").results(&[INT64]).visibility(Object),
            /// `rand.Int63n(n int64) int64`
            RandInt63n => func("math/rand", "Int63n").params(&[INT64]).results(&[INT64]).visibility(Object),
            /// `rand.Int31() int32`
            RandInt31 => func("math/rand", "Int31").results(&[INT32]).visibility(Object),
            /// `rand.Int31n(n int32) int32`
            RandInt31n => func("math/rand", "Int31n").params(&[INT32]).results(&[INT32]).visibility(Object),
            /// `rand.Float64() float64`
            RandFloat64 => func("math/rand", "Float64").results(&[FLOAT64]).visibility(Object),
            /// `rand.Uint32() uint32`
            RandUint32 => func("math/rand", "Uint32").results(&[UINT32]).visibility(Object),
            /// `rand.Uint64() uint64`
            RandUint64 => func("math/rand", "Uint64").results(&[UINT64]).visibility(Object),
            /// `rand.Float32() float32`
            RandFloat32 => func("math/rand", "Float32").results(&[FLOAT32]).visibility(Object),
            /// `rand.Perm(n int) []int`
            RandPerm => func("math/rand", "Perm").params(&[INT]).results(&[INTS]).visibility(Object),
            /// `rand.Shuffle(n int, swap func(i, j int))`: compiled to a loop (`lang/lower/rand.rs`)
            /// that draws each index with [`LibFunc::RandShuffleIndex`] and calls `swap` as program code.
            RandShuffle => func("math/rand", "Shuffle")
                .params(&[INT, LibType::Func(&[INT, INT], &[])])
                .visibility(Object),
            /// The index `Shuffle` swaps with `i` (Go's `(*Rand).int31n(i+1)`); operands: the source's
            /// cell and `i`. Only compiled code calls it.
            RandShuffleIndex =>
                LibFuncSpec::new(Owner::Runtime("math/rand"), "int31n").results(&[INT]).visibility(Object),
            /// `rand.NewSource(seed int64) Source` (racemap's `Source` is the generator's state, not an
            /// interface a program can implement).
            RandNewSource => func("math/rand", "NewSource").params(&[INT64]).results(&[RAND_SOURCE]),
            /// `rand.New(src Source) *Rand`
            RandNew => func("math/rand", "New").params(&[RAND_SOURCE]).results(&[LibType::Pointer(&RAND)]),
            // `*rand.Rand`'s methods: not safe for concurrent use, so each is a plain read and write of
            // the Rand's source (the race detector reports a Rand shared without synchronization).
            /// `(*rand.Rand).Seed(seed int64)`
            RandRandSeed => rand_method("Seed").params(&[INT64]),
            /// `(*rand.Rand).Int() int`
            RandRandInt => rand_method("Int").results(&[INT]),
            /// `(*rand.Rand).Intn(n int) int`
            RandRandIntn => rand_method("Intn").params(&[INT]).results(&[INT]),
            /// `(*rand.Rand).Int63() int64`
            RandRandInt63 => rand_method("Int63").results(&[INT64]),
            /// `(*rand.Rand).Int63n(n int64) int64`
            RandRandInt63n => rand_method("Int63n").params(&[INT64]).results(&[INT64]),
            /// `(*rand.Rand).Int31() int32`
            RandRandInt31 => rand_method("Int31").results(&[INT32]),
            /// `(*rand.Rand).Int31n(n int32) int32`
            RandRandInt31n => rand_method("Int31n").params(&[INT32]).results(&[INT32]),
            /// `(*rand.Rand).Float64() float64`
            RandRandFloat64 => rand_method("Float64").results(&[FLOAT64]),
            /// `(*rand.Rand).Uint32() uint32`
            RandRandUint32 => rand_method("Uint32").results(&[UINT32]),
            /// `(*rand.Rand).Uint64() uint64`
            RandRandUint64 => rand_method("Uint64").results(&[UINT64]),
            /// `(*rand.Rand).Float32() float32`
            RandRandFloat32 => rand_method("Float32").results(&[FLOAT32]),
            /// `(*rand.Rand).Perm(n int) []int`
            RandRandPerm => rand_method("Perm").params(&[INT]).results(&[INTS]),
            /// `(*rand.Rand).Shuffle(n int, swap func(i, j int))`: compiled to Go's loop
            /// (`lang/lower/rand.rs`) that draws each index with [`LibFunc::RandRandShuffleIndex`] and
            /// calls `swap` as program code.
            RandRandShuffle => rand_method("Shuffle").params(&[INT, LibType::Func(&[INT, INT], &[])]),
            /// The index a Rand's `Shuffle` swaps with `i` (Go's `(*Rand).int31n(i+1)`): a plain read
            /// and write of the Rand's words; operands: the `*Rand` and `i`. Only compiled code calls it.
            RandRandShuffleIndex =>
                LibFuncSpec::new(Owner::Runtime("math/rand"), "(*Rand).int31n")
                    .results(&[INT])
                    .visibility(Object),
        }
    };
}
