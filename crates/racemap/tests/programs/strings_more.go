package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Fields("  a b\t\nc  \u00a0d\u3000 "))
	fmt.Printf("%q %q\n", strings.Fields(""), strings.Fields("x\xffy z"))
	fmt.Printf("%q %q\n", strings.TrimSpace(" \t hi there \n"), strings.TrimSpace("\u2003é\u2003"))
	fmt.Printf("%q %q %q\n", strings.Trim("xxhixyx", "xy"), strings.Trim("ééaé", "é"), strings.Trim("abc", ""))
	fmt.Printf("%q %q\n", strings.TrimLeft("xxhix", "x"), strings.TrimRight("xxhix", "x"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimPrefix("body", "x"))
	fmt.Printf("%q %q\n", strings.TrimSuffix("a.go", ".go"), strings.TrimSuffix("a.go", ".rs"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.Index("x", ""))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("go", "x"), strings.LastIndex("abc", ""))
	fmt.Println(strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexRune("a\xffb", 0xFFFD))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Printf("%q %q\n", strings.Replace("abc", "", "-", -1), strings.Replace("éa", "", "-", 2))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.Replace("aaa", "a", "b", 0))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("aaaa", "aa"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("σ", "Σ"), strings.EqualFold("a", "b"), strings.EqualFold("K", "\u212a"))

	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(255, 2), strconv.FormatInt(35, 36), strconv.FormatInt(-9223372036854775808, 10))
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{
		{"42", 10, 64}, {"-0x1f", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000", 0, 64},
		{"1_000", 10, 64}, {"128", 10, 8}, {"-129", 10, 8}, {"zz", 36, 64}, {"", 10, 64}, {"12", 1, 64},
		{"12", 10, 65}, {"99999999999999999999", 10, 0}, {"+7", 10, 32}, {"-", 10, 64}, {"7f", 16, 0},
	} {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(v, err)
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "tRUE"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	fmt.Println(strconv.Quote("hi \"there\"\n\x00é\xff\u2028"))
}
