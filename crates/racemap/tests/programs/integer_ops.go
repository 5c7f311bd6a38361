package main

import (
	"fmt"
	"math"
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func main() {
	var i8 int8 = 127
	i8++
	var u uint = 0
	u--
	var u8 uint8 = 200
	u8 += 100
	fmt.Println(i8, u, u8, KB, MB, GB)
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2, 7&^5, 1<<3|1, 6^3, ^0)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxInt8)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1))
	fmt.Printf("%.2f %v %v\n", math.Sqrt(2), math.Floor(-2.5), math.Round(2.5))
	fmt.Println(Tuesday, Monday+1 == Tuesday)
	f := 3.7
	fmt.Println(int(f), int(-f), uint8(int(f)+254), float32(0.1)+float32(0.2), 0.1+0.2)
	x := 10
	x <<= 2
	x %= 7
	fmt.Println(x, x>>1, 5.0/2, 5/2)
	var shift = -1
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(1 << shift)
}
