package main

import (
	"strings"
	"unicode/utf8"
)

type Buf []byte

type P struct {
	b byte
	r rune
}

func main() {
	s := "héllo"
	c := s[0]
	var n int = c
	for _, r := range s {
		var t string = r
		_ = t
	}
	x := 'a'
	var f float64 = x
	r, size := utf8.DecodeRuneInString(s)
	var u string = r
	var m map[rune]int = map[byte]int{}
	var bb Buf = []rune("x")
	p := P{}
	var q string = p.b
	var w bool = p.r
	_ = strings.IndexByte(s, 1.5)
	_, _, _, _, _, _, _, _, _ = n, f, size, u, m, bb, q, w, c
}
