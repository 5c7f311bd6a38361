package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Float64bits(1.0), math.Float64bits(-1), math.Float64frombits(0x4000000000000000))
	fmt.Printf("%#x\n", math.Float64bits(math.Inf(-1)))
	for _, x := range []float64{0.5, 1, 2, 3, 8, 10, 1000, 1e-5, 12345.678, 0.1, 1e300, 7} {
		fmt.Println(math.Log2(x), math.Log10(x), math.Log(x))
	}
}
