package main

import (
	"fmt"
	"time"
)

func main() {
	const x float64 = 1e308
	fmt.Println(x * 10)
	_ = time.Second * 1.5
	const y float32 = 1e38
	fmt.Println(y * 10)
	var a [1 << 70]int
	_ = a
	var s []int
	_ = s[1<<70]
	_ = s[2.5]
	_ = make([]int, 1e100)
}
