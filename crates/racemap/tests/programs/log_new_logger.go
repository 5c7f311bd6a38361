package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	out := log.New(os.Stdout, "app: ", 0)
	out.Println("hello", 1, 2)
	out.Printf("x=%d", 3)
	out.Print("no newline")
	fmt.Println(out.Prefix(), out.Flags())
	out.SetPrefix("[svc] ")
	out.SetFlags(log.Lmsgprefix)
	out.Println("after")
	fmt.Println(out.Flags() == log.Lmsgprefix)
	errs := log.New(os.Stderr, "E ", log.Lshortfile)
	errs.Println("to stderr")
	var p interface{ Prefix() string } = out
	fmt.Println(p.Prefix())
	errs.Fatalf("fatal %d", 7)
	fmt.Println("unreachable")
}
