package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	e := "é"
	fmt.Println(len(e), len(e[:1]), len(e[1:]))
	fmt.Printf("%q %q %x\n", e[:1], e[1:], e)
	fmt.Println(e[0], e[1], e[:1]+e[1:] == e)

	// range decodes runes; an invalid byte is U+FFFD and advances one byte.
	s := "a\xffé\xe2\x82z"
	for i, r := range s {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println(len(s))

	b := []byte(s)
	fmt.Println(len(b), b)
	fmt.Println(string(b) == s, string(b[1:2]) == "\xff")
	rs := []rune(s)
	fmt.Println(len(rs), rs)
	fmt.Printf("%q\n", string(rs))
	fmt.Printf("%q %q %q %q\n", string(rune(-1)), string(rune(0x110000)), string(rune(0xD800)), string(rune(233)))
	var u uint64 = 1 << 63
	fmt.Printf("%q\n", string(rune(u)))

	// escapes in literals
	oct := "\377\000\x41"
	fmt.Println(len(oct), oct[0], oct[1], oct[2])
	fmt.Println("\xff" == "\377", "\xc3\xa9" == "é")
	const c = "\xffab"
	fmt.Println(len(c), c[0], len(c[1:]))

	// byte-wise comparison and map keys
	fmt.Println("\xff" > "é", "é" > "\xc3", "a\xff" < "a\xff\x00")
	m := map[string]int{"\xff": 1, "\xc3": 2, "é": 3}
	m[e[:1]] += 10
	fmt.Println(m["\xc3"], len(m))
	fmt.Printf("%q\n", m)

	// fmt verbs
	bad := "a\xffb"
	fmt.Printf("%q|%+q|%#q|%x|% x|%X\n", bad, bad, "é", bad, bad, bad)
	fmt.Printf("%q\n", fmt.Sprintf("%5q|%-6s|%.2s|%3.1q", bad, "é\xff", "é\xffz", "\xff\xfe"))
	fmt.Printf("%c|%c|%c|%U|%#U|%q\n", 0xe9, -1, 0x110000, 0xe9, 0x1F600, rune(0xD800))
	fmt.Printf("%q\n", fmt.Sprintf("%v %q", []string{bad}, []string{bad, "\u2028"}))
	fmt.Printf("%q\n", fmt.Sprintf("%s|%q|%x", []byte(bad), []byte(bad), []byte(bad)))
	fmt.Printf("%q\n", fmt.Sprintf("%U|%d|%x|%-4q|%08s", bad, "\xfe", "\xfe\xff", "\xff", "\xff"))
	fmt.Printf("%q\n", fmt.Sprint(map[string]int{"\xff": 1, "a": 2}, "\xff", 1, "\xfe"))
	fmt.Println(fmt.Sprintf("%d", len(fmt.Sprint(bad))), strconv.Itoa(len(bad)))
	fmt.Printf("%+q %+q\n", "é\xff", []string{"\u2028\xfe"})
	_, err := strconv.Atoi("1\xff")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)

	// strings functions on bytes (Split with "" turns an invalid byte into "\uFFFD")
	fmt.Println(strings.Contains(s, "\xff"), strings.HasPrefix(e, e[:1]), strings.HasSuffix(e, e[1:]))
	fmt.Printf("%q\n", strings.Split("a\xffé", ""))
	fmt.Printf("%q\n", strings.Split("x\xffy\xffz", "\xff"))
	fmt.Printf("%q %q\n", strings.ToUpper("ab\xffé"), strings.ToLower("AB\xff"))
	fmt.Printf("%q %q\n", strings.Join([]string{e[:1], e[1:]}, ""), strings.Repeat("\xff", 3))
}
