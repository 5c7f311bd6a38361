package main

import (
	"errors"
	"fmt"
	"strconv"
)

type ValidationError struct {
	Field string
	Err   error
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *ValidationError) Unwrap() error { return e.Err }

var ErrRequired = errors.New("required")

func validate(age string) error {
	if age == "" {
		return &ValidationError{Field: "age", Err: ErrRequired}
	}
	if _, err := strconv.Atoi(age); err != nil {
		return &ValidationError{Field: "age", Err: err}
	}
	return nil
}

func handler(age string) error {
	if err := validate(age); err != nil {
		return fmt.Errorf("handler: %w", err)
	}
	return nil
}

func main() {
	for _, in := range []string{"", "x1", "42"} {
		err := handler(in)
		fmt.Println(err)
		var ve *ValidationError
		if errors.As(err, &ve) {
			fmt.Printf("field=%s inner=%v is-required=%t\n", ve.Field, ve.Err, errors.Is(err, ErrRequired))
			var ne *strconv.NumError
			if errors.As(err, &ne) {
				fmt.Println("num error:", ne.Func, ne.Num, ne.Err)
			}
		}
		fmt.Println(errors.Unwrap(err) != nil)
	}
	e1 := fmt.Errorf("level1: %w", ErrRequired)
	e2 := fmt.Errorf("level2: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrRequired), errors.Unwrap(errors.Unwrap(e2)) == ErrRequired)
	fmt.Printf("%T %T\n", e2, ErrRequired)
}
