package main

// A panic 150 calls deep in a goroutine. Go's traceback walks at most 100 frames
// (`_TracebackMaxFrames`), counting `runtime.gopanic`, which it does not print: Go 1.19.8
// (`go build -race`) prints `panic: deep`, then `goroutine 5 [running]:` with 99 frames of
// `main.f` (`main.f(0x0)` at line 14 up to `main.f(0x62)` at line 16), no
// `...additional frames elided...` line (it printed fewer frames than it walked), and
// `created by main.main`. A goroutine parked deep in a channel receive shows 97 frames (Go
// walks and hides `runtime.gopark`, `chanrecv` and `chanrecv1`), one parked in `mu.Lock`
// 95 of its own below the three `sync` frames.

func f(n int) int {
	if n == 0 {
		panic("deep")
	}
	return f(n-1) + 1
}

func main() {
	done := make(chan int)
	go func() { done <- f(150) }()
	<-done
}
