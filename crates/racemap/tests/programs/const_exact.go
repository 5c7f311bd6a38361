package main

import "fmt"

// Untyped constants are exact (Go's go/constant): big integers, exact fractions.
const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
	TB
	PB
	EB
	ZB
	YB
)

const huge = 1 << 100
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459

func main() {
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, 1e308*10/100)
	fmt.Println(YB/ZB, huge>>90, huge/(huge>>3), 1<<200>>195)
	fmt.Println(Pi, float32(Pi), Pi*2)
	var f32 float32 = 0.1
	var f64 = float64(f32)
	fmt.Println(f32*3, f64, float32(1)/3, float64(1)/3, 1/3.0)
	fmt.Println(1e-320, 5e-324/2*2)
	x := 0.1
	fmt.Println(x+0.2, x*3)
	const third = 1.0 / 3
	fmt.Println(third, third+third+third, third*3 == 1, float32(third))
	fmt.Println(1<<63-1, -1<<63, uint64(1<<64-1))
	fmt.Printf("%T %T %T\n", 1<<10, 2.0*3, 'a'+1)
	fmt.Println(0x1p-2, 0x1.8p1, 0X_1P+4, 1_000.5, 0x10)
	fmt.Println(9007199254740993, float64(9007199254740993))
	fmt.Println(1e100/1e99, 7.0/2, 7/2, -7/2, -7%3, 1/2.0, 1.0/2)
	var u8 uint8 = 255
	fmt.Println(u8+1, ^uint8(0), ^0, -7>>1)
	const c = 'x' - 'a'
	fmt.Println(c, string(rune(65+c)))
	const e = 2.718281828459045235360287471352662497757247093699959574966967627724076630353
	fmt.Println(e, e*e, int64(e*1e15-0.235360287471352662497757247093699959574966967627724076630353), 3.0<<2)
}
