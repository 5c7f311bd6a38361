package main

// A panic whose message ends with a newline (fmt.Sprintln): the explorer's summary keeps the
// outcome on one line.

import "fmt"

func main() {
	panic(fmt.Sprintln("boom", 1))
}
