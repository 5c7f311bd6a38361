package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	inputs := [][]byte{
		nil, []byte(""), []byte("a"), []byte("héllo, 世界"), []byte("\xff"), []byte("a\xc3"),
		[]byte("\xe2\x82"), []byte("\xe2\x82\xac"), []byte("\xed\xa0\x80"), []byte("\xf0\x9f\x98"),
		[]byte("\xf0\x9f\x98\x80!"), []byte("\xc0\xaf"), []byte("\xf4\x90\x80\x80"), []byte("é\x80"),
	}
	for _, p := range inputs {
		r, n := utf8.DecodeRune(p)
		lr, ln := utf8.DecodeLastRune(p)
		fmt.Printf("%q valid=%v count=%d first=%q/%d last=%q/%d full=%v fullStr=%v\n",
			p, utf8.Valid(p), utf8.RuneCount(p), r, n, lr, ln,
			utf8.FullRune(p), utf8.FullRuneInString(string(p)))
	}
	for _, b := range []byte{'a', 0x80, 0xbf, 0xc3, 0xff} {
		fmt.Print(utf8.RuneStart(b), " ")
	}
	fmt.Println()
	buf := make([]byte, 8)
	for _, r := range []rune{'a', 'é', '€', '😀', -1, 0xD800, 0x110000, utf8.MaxRune} {
		n := utf8.EncodeRune(buf, r)
		fmt.Printf("%U %d % x len=%d\n", r, n, buf[:n], utf8.RuneLen(r))
	}
	var out []byte
	for _, r := range "aé€😀" {
		out = utf8.AppendRune(out, r)
		fmt.Println(len(out), string(out))
	}
	out = utf8.AppendRune(out[:1], 0xD800)
	fmt.Printf("%q %d\n", out, len(out))
	small := make([]byte, 3, 10)
	grown := utf8.AppendRune(small, '世')
	small[0] = 'x'
	fmt.Printf("%q %q\n", small, grown)
	enc := utf8.EncodeRune
	fmt.Println(enc(buf, 'Z'), string(buf[:1]), utf8.RuneError, utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	utf8.EncodeRune(buf[:1], 'é')
}
