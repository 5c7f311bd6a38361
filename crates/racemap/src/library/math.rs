//! The library table's rows for package `math` (`rt/interp/math.rs`).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! math_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // `math`: local computation after Go 1.19's `math` on amd64 (`rt/interp/math.rs`).
            /// `math.Inf(sign int) float64`
            MathInf => func("math", "Inf").params(&[INT]).results(&[FLOAT64]),
            /// `math.NaN() float64`
            MathNaN => func("math", "NaN").results(&[FLOAT64]),
            /// `math.IsNaN(f float64) bool`
            MathIsNaN => func("math", "IsNaN").params(&[FLOAT64]).results(&[BOOL]),
            /// `math.IsInf(f float64, sign int) bool`
            MathIsInf => func("math", "IsInf").params(&[FLOAT64, INT]).results(&[BOOL]),
            /// `math.Signbit(x float64) bool`
            MathSignbit => func("math", "Signbit").params(&[FLOAT64]).results(&[BOOL]),
            /// `math.Copysign(f, sign float64) float64`
            MathCopysign => func("math", "Copysign").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
            /// `math.Abs(x float64) float64`
            MathAbs => func("math", "Abs").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Sqrt(x float64) float64`
            MathSqrt => func("math", "Sqrt").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Floor(x float64) float64`
            MathFloor => func("math", "Floor").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Ceil(x float64) float64`
            MathCeil => func("math", "Ceil").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Trunc(x float64) float64`
            MathTrunc => func("math", "Trunc").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Round(x float64) float64`
            MathRound => func("math", "Round").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Max(x, y float64) float64`
            MathMax => func("math", "Max").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
            /// `math.Min(x, y float64) float64`
            MathMin => func("math", "Min").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
            /// `math.Mod(x, y float64) float64`
            MathMod => func("math", "Mod").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
            /// `math.Pow(x, y float64) float64`
            MathPow => func("math", "Pow").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
            /// `math.Exp(x float64) float64` (Go's amd64 assembly, FMA path)
            MathExp => func("math", "Exp").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Log(x float64) float64` (Go's amd64 assembly)
            MathLog => func("math", "Log").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Log2(x float64) float64`
            MathLog2 => func("math", "Log2").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Log10(x float64) float64`
            MathLog10 => func("math", "Log10").params(&[FLOAT64]).results(&[FLOAT64]),
            /// `math.Float64bits(f float64) uint64`
            MathFloat64bits => func("math", "Float64bits").params(&[FLOAT64]).results(&[UINT64]),
            /// `math.Float64frombits(b uint64) float64`
            MathFloat64frombits =>
                func("math", "Float64frombits").params(&[UINT64]).results(&[FLOAT64]),
        }
    };
}
