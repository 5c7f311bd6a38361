package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{1500 * time.Millisecond, 2500 * time.Millisecond, -1500 * time.Millisecond, 1234567 * time.Microsecond, 0, 59*time.Minute + 31*time.Second, -2*time.Hour - 30*time.Minute - time.Nanosecond}
	for _, d := range ds {
		fmt.Println(d, d.Round(time.Second), d.Truncate(time.Second), d.Round(time.Hour), d.Truncate(time.Minute), d.Round(0), d.Truncate(-1), d.Abs())
	}
	min := time.Duration(-1 << 63)
	max := time.Duration(1<<63 - 1)
	fmt.Println(min.Abs(), max.Round(time.Hour), min.Round(time.Hour), max.Truncate(time.Hour))
	elapsed := 1234567890 * time.Nanosecond
	fmt.Printf("took %v (%s)\n", elapsed.Round(time.Millisecond), elapsed.Truncate(10*time.Millisecond))
}
