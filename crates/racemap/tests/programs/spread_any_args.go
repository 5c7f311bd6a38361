package main

import (
	"errors"
	"fmt"
	"log"

	"sync"
)

func wrap(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

func main() {
	log.SetFlags(0)
	var none []any
	fmt.Println(none...)
	fmt.Println([]any{1, "a", nil}...)
	defer fmt.Println([]any{"deferred", 2}...)
	err := wrap("bad %d: %w", 7, errors.New("inner"))
	fmt.Println(err, errors.Unwrap(err) != nil)
	log.Printf("%s=%d", []any{"k", 3}...)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done() }()
	wg.Wait()
	fmt.Print(fmt.Sprintln([]any{"x", 1}...))
}
