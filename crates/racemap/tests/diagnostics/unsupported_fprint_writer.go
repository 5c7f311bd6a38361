package main

import (
	"fmt"
	"os"
	"strings"
)

type w struct{}

func (w) Write(p []byte) (int, error) { return len(p), nil }

func main() {
	var b strings.Builder
	fmt.Fprintf(&b, "x")
	fmt.Fprintln(nil, "y")
	fmt.Fprint(w{}, "z")
	_ = os.Args
}
