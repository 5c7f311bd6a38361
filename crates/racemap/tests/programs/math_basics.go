package main

import (
	"fmt"
	"math"
)

// Package math: its constants (exact untyped constants) and basic functions.
func main() {
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt8, uint64(math.MaxUint64), math.MaxUint8)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log2E, math.Phi, math.Log10E)
	fmt.Printf("%T %T %.3f\n", math.Pi, math.MaxInt8, math.Pi*2)
	inf := math.Inf(1)
	nan := math.NaN()
	fmt.Println(inf, math.Inf(-1), nan, math.IsNaN(nan), math.IsInf(inf, 0), math.IsInf(inf, -1), math.IsInf(math.Inf(-1), -1))
	fmt.Println(math.Abs(-3.5), math.Sqrt(2), math.Sqrt(-1), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7), math.Round(2.5), math.Round(-2.5))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1), math.Min(-0.0, 0), math.Max(-1, math.Inf(1)))
	fmt.Println(math.Pow(2, 10), math.Pow(2, -3), math.Pow(1.5, 2.5), math.Pow(10, 0.3), math.Pow(-2, 3), math.Pow(2.7, 3.14159), math.Pow(9, 0.5))
	fmt.Println(math.Mod(7.5, 2), math.Mod(-7.5, 2), math.Mod(1e300, 3.7), math.Mod(5, 0))
	x := 16.0
	fmt.Println(math.Sqrt(x), int(math.Sqrt(x)), math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)))
	var total float64
	for i := 1; i <= 10; i++ {
		total += math.Pow(float64(i), 1.7)
	}
	fmt.Println(total, math.Pow(123.456, -1.25), math.Pow(0.5, 100.5))
}
