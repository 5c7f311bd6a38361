package main

import "time"

func main() {
	n := 5
	<-time.After(n)
}
