package main

import (
	"fmt"
	"log"
)

// Package log with SetFlags(0), prefixes, Lmsgprefix, Lshortfile, Fatalf.
func main() {
	log.SetFlags(0)
	log.Println("hello", 42)
	log.Printf("value=%d", 7)
	log.Print("a", "b", 3, 4)
	log.SetPrefix("app: ")
	log.Println("with prefix")
	log.SetFlags(log.Lmsgprefix)
	log.Printf("msgprefix\n")
	fmt.Println(log.Flags(), log.Prefix(), log.LstdFlags, log.Lshortfile)
	log.SetFlags(log.Lshortfile)
	log.Println("short")
	log.SetPrefix("")
	log.SetFlags(0)
	log.Print("")
	defer fmt.Println("deferred does not run")
	log.Fatalf("fatal: %v", []int{1, 2})
}
