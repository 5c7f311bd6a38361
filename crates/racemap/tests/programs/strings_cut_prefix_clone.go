package main

import (
	"fmt"
	"strings"
)

func main() {
	for _, s := range []string{"prefix-body.go", "body", ""} {
		after, found := strings.CutPrefix(s, "prefix-")
		before, ok := strings.CutSuffix(s, ".go")
		fmt.Printf("%q %v %q %v\n", after, found, before, ok)
	}
	c := strings.Clone("héllo")
	fmt.Println(c, len(c), c == "héllo", strings.Clone("") == "")
}
