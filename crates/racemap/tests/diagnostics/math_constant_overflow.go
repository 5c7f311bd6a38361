package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.MaxUint64)
	var f float32 = math.MaxFloat64
	x := math.Pi
	var i int = math.Pi
	fmt.Println(f, x, i, math.Sin(1))
}
