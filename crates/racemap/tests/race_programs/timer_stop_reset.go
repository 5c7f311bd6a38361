package main

import (
	"fmt"
	"time"
)

// Timer Stop/Reset results, a Ticker's ticks, AfterFunc, and durations on the clock.
func main() {
	start := time.Now()
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	fmt.Println("stopped again:", t.Stop())
	t.Reset(20 * time.Millisecond)
	<-t.C
	fmt.Println("fired; reset:", t.Reset(time.Millisecond))
	<-t.C
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)
	done := make(chan bool)
	time.AfterFunc(5*time.Millisecond, func() { done <- true })
	<-done
	<-time.After(time.Millisecond)
	d := time.Since(start)
	fmt.Println(d >= 56*time.Millisecond, d < time.Second)
	fmt.Println(time.Second, 1500*time.Millisecond, time.Duration(0), 250*time.Microsecond)
}
