package main

import (
	"fmt"
	"time"
)

func main() {
	timeout := time.After(30 * time.Millisecond)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-tick.C:
			n++
		case <-timeout:
			fmt.Println("timeout", n >= 1)
			t := time.NewTimer(time.Hour)
			fmt.Println(t.Stop(), t.Stop())
			d := 1500 * time.Millisecond
			fmt.Println(d, d.Seconds(), time.Duration(0), 90*time.Minute, d.Round(time.Second))
			return
		}
	}
}
