package main

// Unbounded recursion. Go 1.19.8 (`go build -race`) prints `start`, then on stderr
// `runtime: goroutine stack exceeds 1000000000-byte limit`, `runtime: sp=… stack=[…, …]`,
// `fatal error: stack overflow`, the `runtime stack:` of `runtime.throw`, `runtime.newstack`
// and `runtime.morestack`, then `goroutine 1 [running]:` with 100 frames, each line ending in
// `fp=… sp=… pc=…`: the first is the overflowing call's at the line of `func f` (the
// overflow is raised in its prologue), the others at line 15; then
// `...additional frames elided...`; exit status 2. Go's addresses and the argument (Go's
// stack holds ~16 M frames of `f`, racemap's 10 000) differ.

import "fmt"

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	fmt.Println("start")
	f(0)
}
