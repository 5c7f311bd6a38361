package main

import "fmt"

const Big = 1 << 40

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

func main() {
	var u uint32 = 1 << 31
	u *= 2
	var i64 int64 = Big
	var x uint64 = 1<<64 - 1
	fmt.Println(u, i64, x, x>>60)
	a, b := 17, 5
	fmt.Println(a/b, a%b, -a/b, a&b, a|b, a^b, a<<2, a>>1, ^a)
	var r rune = 'A' + 2
	fmt.Println(r, string(r), byte(300%256))
	c := Celsius(100)
	fmt.Println(c.F(), int(c.F()))
	f32 := float32(0.1)
	fmt.Println(f32, 0.5+0.25)
	fmt.Printf("%5d|%-5s|%x|%08.3f|%t\n", 42, "ab", 255, 3.14159, true)
	n := 10
	n -= 3
	n *= 2
	n /= 3
	n %= 3
	n <<= 4
	n |= 1
	fmt.Println(n)
	s := "abc"
	fmt.Println(s < "abd", s == "abc", len(s+s))
}
