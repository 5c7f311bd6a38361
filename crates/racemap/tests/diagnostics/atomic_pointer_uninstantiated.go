package main

import "sync/atomic"

func main() {
	var p atomic.Pointer
	var q atomic.Pointer[int, string]
	var r atomic.Pointer[int]
	r.Store(5)
	_, _ = p, q
}
