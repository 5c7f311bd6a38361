package main

import (
	"log"
	"os"
	"sync"
)

type T struct{ Name string }

func (T) run() {}

func main() {
	var t T
	_ = t.name
	t.Run()
	l := log.New(os.Stdout, "", 0)
	_ = l.prefix
	_ = l.mu
	var p sync.Pool
	_ = p.new
	_ = p.items
}
