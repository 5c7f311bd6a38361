package main

import (
	"fmt"
	"log"
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
	_ = log.New(&b, "", 0)
	_ = log.New(os.Stdout, "", 0)
}
