package main

import (
	"fmt"
	"unicode"
)

func main() {
	fmt.Println(unicode.Is(unicode.Tangut, 'a'), unicode.In('a', unicode.Latin, unicode.Lo))
	fmt.Println(len(unicode.Latin.R16))
	tables := []*unicode.RangeTable{unicode.Greek}
	fmt.Println(unicode.In('a', tables...))
}
