package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

type QueryErr struct {
	q   string
	err error
}

func (e *QueryErr) Error() string { return e.q + ": " + e.err.Error() }
func (e *QueryErr) Unwrap() error { return e.err }

type plain struct{}

func (plain) Error() string { return "plain" }

func main() {
	e := &QueryErr{"select", ErrBase}
	w := fmt.Errorf("outer: %w", e)
	fmt.Println(w, errors.Is(w, ErrBase), errors.Is(e, ErrBase), errors.Unwrap(e) == ErrBase)
	fmt.Println(errors.Is(plain{}, ErrBase), errors.Unwrap(plain{}) == nil, errors.Is(plain{}, plain{}))
	fmt.Printf("%v|%s|%q\n", e, e, e)
}
