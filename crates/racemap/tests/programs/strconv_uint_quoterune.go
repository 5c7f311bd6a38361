package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.FormatUint(1<<63, 2), strconv.FormatUint(18446744073709551615, 16), strconv.FormatUint(0, 36), strconv.FormatUint(35, 36))
	for _, r := range []rune{'a', '☺', '\n', '\'', '"', '\\', 0x7f, 0xD800, -1, 0x10FFFF + 1, 'é', 0} {
		fmt.Print(strconv.QuoteRune(r), " ")
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatUint(5, 37))
}
