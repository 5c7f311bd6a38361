package main

import (
	"errors"
	"fmt"
	"os"
)

type C struct{ n int }

func (c *C) Inc() { c.n++ }

type S struct{ f int }

func get() (int, error) { return 1, nil }

func missing(x int) int {
	if x > 0 {
		return 1
	}
}

func main() {
	unused := 1
	m := map[string]C{}
	m["a"].Inc()
	ms := map[string]S{}
	ms["a"].f = 2
	x, err := get()
	if x > 0 {
		x, err := get()
		_ = x
	}
	fmt.Println(err)
}
