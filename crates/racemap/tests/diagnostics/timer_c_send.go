package main

import "time"

func main() {
	t := time.NewTimer(time.Second)
	t.C <- time.Now()
}
