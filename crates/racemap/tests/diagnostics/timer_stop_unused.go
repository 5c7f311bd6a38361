package main

import "time"

func main() {
	t := time.NewTimer(time.Second)
	select {
	case <-t.Stop:
	}
}
