package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	for _, s := range []string{"", "héllo", "a\xffb", "\xe2\x82", "日本語", "\xed\xa0\x80"} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		fmt.Println(utf8.RuneCountInString(s), utf8.ValidString(s), r, n, lr, ln, r == utf8.RuneError)
	}
	for _, r := range []rune{-1, 0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd800, 0xdfff, 0xffff, 0x10000, utf8.MaxRune, utf8.MaxRune + 1} {
		fmt.Println(r, utf8.RuneLen(r), utf8.ValidRune(r))
	}
	fmt.Println(utf8.UTFMax, utf8.RuneSelf, utf8.RuneError, utf8.MaxRune)
	fmt.Printf("%T %T %T\n", utf8.RuneError, utf8.UTFMax, utf8.MaxRune)
	f := utf8.RuneCountInString
	fmt.Println(f("ab"))
	var b [utf8.UTFMax]byte
	fmt.Println(len(b))
}
