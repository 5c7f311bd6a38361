package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1500 * time.Millisecond, -2*time.Hour - 30*time.Second, 90 * time.Minute,
		1234567 * time.Nanosecond, time.Duration(1<<63 - 1), -1}
	for _, d := range ds {
		fmt.Println(d.String(), d.Seconds(), d.Minutes(), d.Hours(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	}
	timeout := 250 * time.Millisecond
	msg := "waited " + timeout.String()
	fmt.Println(msg, int(timeout.Seconds()*1000), timeout.Milliseconds() > 200)
}
