package main

func main() {
	var f float64
	_ = make([]int, -1)
	_ = make([]int, 2.5)
	_ = make([]int, 1e100)
	_ = make([]int, f)
	_ = make([]int, "a")
	_ = make([]int, 1<<70)
	_ = make([]int, 2.0, 5)
	const n int8 = -3
	_ = make(chan int, n)
	_ = make([]int, 5, 2)
}
