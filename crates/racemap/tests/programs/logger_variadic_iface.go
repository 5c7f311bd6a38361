package main

import (
	"log"
	"os"
)

type printer interface{ Println(...any) }

type logf interface {
	Printf(string, ...any)
}

func main() {
	var l printer = log.New(os.Stdout, "", 0)
	l.Println("x", 1)
	l.Println()
	args := []any{"a", 2.5}
	l.Println(args...)
	l2 := log.New(os.Stdout, "p: ", 0)
	var lf logf = l2
	lf.Printf("%d-%s", 3, "z")
	lf.Printf("none")
	f := l2.Printf
	f("%d-%s\n", 4, "w")
	g := l.Println
	g("via", "value")
	h := (*log.Logger).Println
	h(l2, "expr", 5)
}
