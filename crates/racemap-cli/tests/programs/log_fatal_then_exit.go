package main

// `log.Fatal` writes its line under the logger's mutex, unlocks, then calls `os.Exit(1)`:
// another goroutine may take the mutex and log between the two, so its line can follow the
// fatal one. racemap explore: `a`, `a b` and `b a`, each with exit status 1. Go 1.19.8
// (`go build -race`), a variant where four goroutines log `b` in a loop while main's
// `log.Fatal` writes a 64 KiB line: a `b` after the fatal line in 9 of 200 runs.

import (
	"log"
	"os"
	"time"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	go func() {
		log.Println("b")
	}()
	log.Fatal("a")
	time.Sleep(time.Second)
}
