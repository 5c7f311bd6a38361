package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	return [...]string{"Red", "Green", "Blue"}[c]
}

type Temp float32

func main() {
	fmt.Printf("%x %X %x %08b\n", -255, 3054, "héllo", 5)
	fmt.Printf("%08.3f|%+.2e|%g|%g|%g\n", 3.14159, 12345.678, 1e21, 1e20, 123456789.0)
	fmt.Printf("%v %v %.2f\n", float32(0.1), Temp(36.6), Temp(36.6))
	fmt.Printf("%s %v %d %q\n", Blue, Green, Red, Green)
	fmt.Println(Red, []Color{Blue, Green}, map[Color]int{Blue: 1, Red: 2})
	fmt.Printf("%q %+q %x\n", "日本\t\x00", "日本", "日本")
	fmt.Printf("%5.1q|%-8q|%#q\n", "abc", "x", "back`tick")
	fmt.Printf("%v %s\n", []byte("hey"), []byte("hey"))
	fmt.Printf("%v %d\n", []interface{}{1, "a", nil, 2.5, true}, []interface{}{1, "a"})
	fmt.Printf("%v\n", map[string][]int{"b": {2}, "a": {1, 1}})
	fmt.Printf("%v %v\n", map[[2]int]string{{2, 1}: "x", {1, 2}: "y"}, map[bool]int{true: 1, false: 0})
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%v %v %v\n", int8(-128), uint8(255), uint64(1<<63))
	fmt.Printf("%e %E %.0f %.1f\n", 0.0, 1.0, 2.5, 0.05)
	fmt.Printf("%t %v\n", false, 'a')
	fmt.Printf("%s|%10.3s|\n", strings.Repeat("ab", 3), "abcdef")
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', -1, 64), strconv.FormatFloat(2.5, 'e', 3, 64), strconv.FormatInt(-42, 16))
	fmt.Println(strconv.Quote("tab\there"), strconv.Quote("☺"), strconv.Itoa(-9))
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	f, err := strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	i, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(i, err)
	fmt.Printf("%v|%s|%d\n", nil, nil, nil)
	var ip *int
	var e error
	fmt.Printf("%v %s %v\n", ip, e, []error{nil})
	fmt.Printf("%!\n")
	fmt.Printf("%z %-+5d\n", 3, 7)
}
