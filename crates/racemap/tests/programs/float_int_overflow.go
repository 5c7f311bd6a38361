package main

import (
	"fmt"
	"math"
)

// Float-to-integer conversions out of range: the spec leaves the result to the
// implementation; these are Go's on amd64.
func main() {
	vals := []float64{math.Inf(1), math.Inf(-1), math.NaN(), -1.5, 300.7, -200.5, 3e9, -3e9,
		1e19, 9.3e18, -9.3e18, 1.8e19, 2e19, 65535.9, 4294967296.5, -0.9}
	for _, f := range vals {
		fmt.Println(f, int(f), int8(f), int16(f), int32(f), int64(f))
		fmt.Println("  ", uint(f), uint8(f), uint16(f), uint32(f), uint64(f), uintptr(f))
		g := float32(f)
		fmt.Println("  ", int32(g), int64(g), uint8(g), uint32(g), uint64(g))
	}
}
