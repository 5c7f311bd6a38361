package main

import (
	"fmt"
	"log"
	"strings"
)

type printer interface{ Println(...any) }

func main() {
	var sb strings.Builder
	l := log.New(&sb, "", 0)
	var p printer = l
	p.Println("through an interface")
	f := l.Printf
	f("method value %d", 1)
	func() {
		defer l.Println("deferred")
	}()
	fmt.Print(sb.String())
	defer func() {
		r := recover()
		fmt.Printf("recovered %q\n", r)
		fmt.Print(sb.String())
	}()
	l.Panicf("boom %d", 2)
}
