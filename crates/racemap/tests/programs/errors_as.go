package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Timeout interface{ Timeout() bool }

type netErr struct{ msg string }

func (n netErr) Error() string { return n.msg }
func (n netErr) Timeout() bool { return true }

func main() {
	err := fmt.Errorf("load: %w", &NotFound{"k"})
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key)
	var to Timeout
	fmt.Println(errors.As(err, &to), to == nil)
	err2 := fmt.Errorf("dial: %w", netErr{"refused"})
	fmt.Println(errors.As(err2, &to), to.Timeout())
	var ne netErr
	fmt.Println(errors.As(err2, &ne), ne.msg)
	defer func() { fmt.Println("recovered:", recover()) }()
	errors.As(err, nf)
}
