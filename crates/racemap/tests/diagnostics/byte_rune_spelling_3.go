package main

import "fmt"

type Grid [3][3]rune

func main() {
	var b byte = 300
	var r rune = "x"
	var g Grid
	g[0][0] = "x"
	bs := []byte("abc")
	var s string = bs
	var rs []rune = bs
	_ = byte(1000)
	_ = rune(1 << 40)
	var ptr *byte = &r
	fmt.Println(b, r, g, s, rs, ptr)
	var i interface{ M(byte) rune }
	var j interface{ M(uint8) int32 } = i
	_ = j
	_ = bs == nil && r
}
