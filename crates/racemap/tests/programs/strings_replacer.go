package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.NewReplacer("a", "1", "b", "2").Replace("abcab"))
	fmt.Println(strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;").Replace("<a&b>"))
	fmt.Println(strings.NewReplacer("a", "1", "aa", "2").Replace("aaa"))
	fmt.Println(strings.NewReplacer("aa", "2", "a", "1").Replace("aaa"))
	fmt.Println(strings.NewReplacer("", "X").Replace("ab"))
	fmt.Println(strings.NewReplacer("", "X", "a", "Y").Replace("ab"))
	fmt.Println(strings.NewReplacer("a", "A", "a", "B").Replace("aa"))
	fmt.Println(strings.NewReplacer().Replace("abc"))
	fmt.Printf("%q\n", strings.NewReplacer("", "").Replace(""))
	fmt.Printf("%q\n", strings.NewReplacer("", "-").Replace(""))
	fmt.Printf("%q\n", strings.NewReplacer("", "X").Replace("é"))
	fmt.Println(strings.NewReplacer("hello", "bye", "he", "she").Replace("hello hen"))
	var rp interface{ Replace(string) string } = strings.NewReplacer("-", "_")
	fmt.Println(rp.Replace("a-b-c"))
	defer func() { fmt.Println("recovered:", recover()) }()
	strings.NewReplacer("odd")
}
