package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

const (
	_  = iota
	KB = 1.0 * (1 << (10 * iota))
	MB
)

const f32 float32 = 1.0 / 3.0
const f64 float64 = float64(f32)

// Typed and untyped constants: iota with floats, float32 constants, big integers folded back,
// literals beyond float64, wrapping of typed variables.
func main() {
	var a [1 << 3]int
	fmt.Println(len(a), Monday, KB, MB)
	fmt.Println(f32, f64, float32(0.1) == 0.1, float64(float32(0.1)) == 0.1)
	fmt.Println(^uint64(0), uint64(1<<64-1), int64(-1<<63), ^uint32(1))
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2, -7>>1, 1.0<<3, 'a'+1, string(rune('a'+1)))
	fmt.Println(1e15, 1e21, 123456789.0, 1e-7, 100000000000000000000.0/3)
	const huge = 1e1000
	fmt.Println(huge/1e999, huge > 1e999)
	const big = 1 << 200
	fmt.Println(big%7, big/(big-1), float64(big))
	var x uint8 = 255
	x += 1
	fmt.Println(x, uint8(255)+0, 0.1*3, 3*0.1 == 0.3)
	fmt.Printf("%v %.20f %T\n", 1/3.0, 2.0/3, 1<<62)
	fmt.Println(float32(16777217), float64(1<<53+1), int64(float64(1<<53+1)))
}
