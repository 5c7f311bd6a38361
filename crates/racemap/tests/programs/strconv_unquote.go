package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	inputs := []string{
		`"a\tb"`, `"\u00e9\x41\101\U0001F600"`, `"\xff"`, "\"\xff\"", "\"\xff\\n\"",
		"`a\r\nb\\n`", "`a`b`", `'\''`, `'é'`, `'ab'`, `''`, `"\'"`, `'\"'`, `"\400"`,
		`"\ud800"`, "\"a\nb\"", `"abc`, `"a"b`, `abc`, `"`, `"\""`, `"\q"`, `'\x'`, `'\377'`,
		`"\U00110000"`, "`\xff`", `"\a\b\f\n\r\t\v\\"`, `'\u263a'`, `"☺\x00"`, "'\xff'",
	}
	for _, s := range inputs {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q -> %q %v %v\n", s, u, err, err == strconv.ErrSyntax)
	}
	_, err := strconv.Unquote("x")
	fmt.Println(errors.Is(err, strconv.ErrSyntax), fmt.Sprintf("%T", err))
	for _, c := range []struct {
		s string
		q byte
	}{{`\u00e9rest`, '"'}, {`\xe9`, '"'}, {"é!", '"'}, {`"`, '"'}, {`"`, '`'}, {``, '"'},
		{`\`, '"'}, {`\'x`, '\''}, {`\'`, '"'}, {`\101z`, 0}, {"\xffa", '"'}} {
		v, mb, tail, err := strconv.UnquoteChar(c.s, c.q)
		fmt.Printf("UnquoteChar(%q, %q) = %q %v %q %v\n", c.s, c.q, v, mb, tail, err)
	}
	for _, s := range []string{"héllo\n☺\x00\xff", "\u2028\U0001F600", `"quoted"`} {
		fmt.Println(strconv.QuoteToASCII(s), strconv.Quote(s))
	}
	for _, r := range []rune{'a', 'é', '☺', '\n', '\'', 0x1F600, -1, 0xD800, 0x110000} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r))
	}
}
