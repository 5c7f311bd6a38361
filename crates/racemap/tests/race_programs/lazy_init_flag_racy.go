package main

import (
	"fmt"
	"time"
)

// A boolean flag polled with sleeps orders nothing: the map literal's mapassign and its
// element store race with the reader's map read, besides the two variables.

var ready bool
var data map[string]string

func setup() {
	data = map[string]string{"k": "v"}
	ready = true
}

func main() {
	go setup()
	for !ready {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(data["k"])
}
