package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("validation failed on %s (code %d)", e.Field, e.Code)
}

type wrapErr struct {
	op  string
	err error
}

func (w wrapErr) Error() string { return w.op + ": " + w.err.Error() }
func (w wrapErr) Unwrap() error { return w.err }

func find(k string) error {
	if k == "" {
		return &ValidationError{"key", 400}
	}
	return fmt.Errorf("find %q: %w", k, ErrNotFound)
}

func mayFail(fail bool) error {
	var p *ValidationError
	if fail {
		p = &ValidationError{"x", 1}
	}
	return p
}

func main() {
	err := find("k1")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	err2 := fmt.Errorf("layer2: %w", err)
	fmt.Println(err2, errors.Is(err2, ErrNotFound))
	var ve *ValidationError
	e3 := wrapErr{"load", find("")}
	fmt.Println(errors.As(e3, &ve), ve.Field, ve.Code)
	fmt.Println(e3)
	e := mayFail(false)
	fmt.Println(e == nil, e != nil)
	fmt.Printf("%v %T\n", e, e)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
	fmt.Println(errors.Is(io.EOF, io.EOF), errors.Is(fmt.Errorf("x: %v", io.EOF), io.EOF))
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
	fmt.Println(fmt.Errorf("no wrap %d", 3))
	joined := fmt.Errorf("a: %w, b: %w", ErrNotFound, io.EOF)
	fmt.Println(joined)
}
