package main

import (
	"fmt"
	"strconv"
)

// Shortest float digits when two 17-digit candidates are equally near: Go rounds to even.
func main() {
	xs := []float64{167517408234776.125, 876146510846155.25, 0.1, 1e23, 5e-324, 123456789012345680}
	for _, x := range xs {
		fmt.Println(x, strconv.FormatFloat(x, 'g', -1, 64), float32(x))
	}
	fmt.Printf("%v %g\n", xs[0], xs[1])
}
