package main

import (
	"fmt"
	"strings"
)

func main() {
	calls := 0
	isDigit := func(r rune) bool { calls++; return r >= '0' && r <= '9' }
	for _, s := range []string{"123abc456", "abc", "", "42", "x\xffy9", "日本9語9", "\xff\xfe"} {
		fmt.Printf("%q %d %d %q %q %q %q\n", s,
			strings.IndexFunc(s, isDigit), strings.LastIndexFunc(s, isDigit),
			strings.TrimFunc(s, isDigit), strings.TrimLeftFunc(s, isDigit), strings.TrimRightFunc(s, isDigit),
			strings.FieldsFunc(s, isDigit))
	}
	fmt.Println("calls", calls)
	bad := func(r rune) bool { return r == '\uFFFD' }
	fmt.Printf("%q %q\n", strings.TrimRightFunc("ab\xff\xff", bad), strings.TrimFunc("\xffa\xbf", bad))
	order := []rune{}
	strings.TrimFunc("  hi  ", func(r rune) bool { order = append(order, r); return r == ' ' })
	fmt.Printf("%q\n", string(order))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r == '!':
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, World!"), strings.Map(rot13, ""))
	fmt.Printf("%q %q\n", strings.Map(func(r rune) rune { return r }, "a\xffb"), strings.Map(func(r rune) rune { return 0x110000 }, "ab"))
	f := strings.FieldsFunc("  a,b;;c  ", func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	fmt.Println(f, len(f), cap(f), strings.FieldsFunc("", func(r rune) bool { return r == ' ' }) == nil, len(strings.FieldsFunc(",,", func(r rune) bool { return r == ',' })))
	fmt.Println(strings.TrimFunc("¡¡¡Hello, Gophers!!!", func(r rune) bool { return r == '¡' || r == '!' }))
	fmt.Println(strings.Title("her royal highness"), strings.Title("hello_world-foo bar.baz 3rd ǆemal ßx éa\tb"), strings.Title(""))
	fmt.Printf("%q\n", strings.Title("a\xffb c"))
	fmt.Println(strings.ToUpper(strings.Title("x")))
}
