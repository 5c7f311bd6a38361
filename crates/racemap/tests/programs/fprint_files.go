package main

import (
	"fmt"
	"os"
)

type point struct{ x, y int }

// fmt.Fprint, Fprintln and Fprintf to os.Stdout and os.Stderr: what they write, where, and
// what they return.
func main() {
	n, err := fmt.Fprintf(os.Stdout, "%d-%s|%v\n", 7, "go", point{1, 2})
	fmt.Println(n, err)
	n, err = fmt.Fprintln(os.Stderr, "to stderr", 3.5)
	fmt.Println(n, err)
	fmt.Fprint(os.Stdout, "a", "b", 1, 2, "\n")
	w := os.Stderr
	fmt.Fprint(w, "x", 1, "\n")
	fmt.Println(os.Stdout == os.Stdout, os.Stdout == os.Stderr, w == os.Stderr)
	fmt.Printf("%T\n", os.Stdout)
	var none *os.File
	n, err = fmt.Fprintln(none, "lost")
	fmt.Println(n, err)
	fmt.Fprintf(os.Stderr, "%s %d%%\n", "done", 100)
}
