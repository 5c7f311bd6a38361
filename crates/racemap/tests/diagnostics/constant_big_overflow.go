package main

func main() {
	const big = 1 << 500
	_ = big << 20
	_ = -(big * 2) * 4
	_ = ^(big * 3)
	_ = big*big - 1
	_ = (big + big) * 1
	_ = big ^ (big << 12)
	_ = 1e400 * 1e400
	_ = float64(1e400)
	var x float64 = 1e-400
	_ = x
	_ = 5 / 0.0
	_ = 2.0 << 3
}
