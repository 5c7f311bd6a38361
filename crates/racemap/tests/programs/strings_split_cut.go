package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", -1))
	fmt.Printf("%q %v\n", strings.SplitN("a,b", ",", 0), strings.SplitN("a,b", ",", 0) == nil)
	fmt.Printf("%q\n", strings.SplitN("héllo", "", 3))
	fmt.Printf("%q\n", strings.SplitN("a\xffb", "", -1))
	fmt.Printf("%q\n", strings.SplitN("", ",", 5))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitAfter("abc", ""))
	fmt.Println(strings.ContainsAny("hello", "xyz"), strings.ContainsAny("hello", "oz"), strings.ContainsAny("", ""), strings.ContainsAny("a\xff", "\xfe"))
	fmt.Println(strings.ContainsRune("abc", 'c'), strings.ContainsRune("abc", 'z'), strings.ContainsRune("a\xff", '\uFFFD'))
	fmt.Println(strings.IndexAny("golang", "ny"), strings.IndexAny("héllo", "lé"), strings.IndexAny("abc", ""))
	fmt.Println(strings.LastIndexByte("abca", 'a'), strings.LastIndexByte("abc", 'z'))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"), strings.Compare("", "a"))
	line := "GET /index.html HTTP/1.1"
	parts := strings.SplitN(line, " ", 3)
	method, rest, _ := strings.Cut(parts[1], ".")
	fmt.Println(len(parts), parts[0], method, rest)
}
