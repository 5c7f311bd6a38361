package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	var b strings.Builder
	fmt.Fprintf(&b, "x")
	fmt.Fprintln(nil, "y")
	_ = os.Args
}
