package main

import (
	"fmt"
	"math"
)

// math.Pow, Exp, Log, Mod, Sqrt, Round and Max on pseudo-random operands: Go 1.19 on amd64
// computes Exp and Log in assembly (racemap ports it), so every bit must match.
func main() {
	seed := uint64(12345)
	next := func() float64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return float64(seed>>11) / float64(1<<53)
	}
	bad := 0
	for i := 0; i < 150; i++ {
		x := next()*20 - 2
		y := next()*40 - 20
		if i%3 == 0 {
			x = math.Floor(x * 10)
			y = math.Floor(y)
		}
		if i%7 == 0 {
			x = next() * 1e-3
		}
		if i%11 == 0 {
			x = next() * 1e6
			y = next()*300 - 150
		}
		p := math.Pow(x, y)
		m := math.Mod(x*1e3, y+0.5)
		fmt.Println(math.Exp(y/3), math.Log(x), math.Log(1/(x+1e-300)))
		fmt.Println(p, m, math.Sqrt(x), math.Round(y*3.3), math.Max(x, y))
		if p != p {
			bad++
		}
	}
	fmt.Println(bad)
}
