package main

import (
	"fmt"
	"math"
)

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func main() {
	fmt.Println(KB, MB, GB)
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(a, b, c, d, e, f)
	fl := FlagA | FlagC
	fmt.Println(fl, fl&FlagB != 0, fl&^FlagA)
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var big int64 = math.MaxInt64
	big++
	fmt.Println(big)
	x := 300
	fmt.Println(int8(x), uint8(x), byte(x))
	fmt.Println(uint32(-1 + x - 300 + 0*x))
	neg := -7
	fmt.Println(neg/2, neg%2, neg>>1, uint(neg)%10)
	fmt.Println(7/2, 7.0/2, float64(7)/2)
	fl64 := 3.99
	fmt.Println(int(fl64), int(-fl64))
	fmt.Println(math.MaxInt32, math.MinInt64)
	var u uint = 1
	fmt.Println(u << 63, u<<64>>1)
	fmt.Println(1<<10, 0x_ff, 0b1010, 0o17, 1_000_000)
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
	zero := 0
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(math.Inf(1), -math.Inf(1), math.NaN(), 1.0/float64(zero))
		fmt.Println(10 % zero)
	}()
	fmt.Println(10 / zero)
}
