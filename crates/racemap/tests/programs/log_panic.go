package main

import "log"

func main() {
	log.SetFlags(0)
	defer func() {
		r := recover()
		log.Printf("recovered %q", r)
		log.Panicln("second", 2)
	}()
	log.Panicf("boom %d", 1)
}
