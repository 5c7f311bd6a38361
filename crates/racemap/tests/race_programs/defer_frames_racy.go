package main

import (
	"fmt"
	"runtime"
	"time"
)

// Deferred calls race with main's reads. A race build does not open-code defers: Go's
// reports show a deferred call at a normal return called from runtime.deferreturn, one run by
// a panic from runtime.gopanic, one run by runtime.Goexit from runtime.deferCallSave.

type Job struct{ a, b, c, d, e string }

func (j *Job) finish() { j.c = "finished" }

func closure(j *Job) {
	defer func() {
		j.a = "closure"
	}()
}

func withArgs(j *Job) {
	defer set(j, "args")
}

func set(j *Job, s string) { j.b = s }

func method(j *Job) {
	defer j.finish()
}

func recovered(j *Job) {
	defer func() {
		recover()
		j.d = "recovered"
	}()
	panic("boom")
}

func main() {
	j := &Job{}
	done := make(chan bool)
	go func() {
		time.Sleep(10 * time.Millisecond)
		closure(j)
		withArgs(j)
		method(j)
		recovered(j)
		defer func() {
			j.e = "exited"
			done <- true
		}()
		runtime.Goexit()
	}()
	fmt.Println(j.a, j.b, j.c, j.d, j.e)
	<-done
}
