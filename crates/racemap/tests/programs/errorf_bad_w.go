package main

import (
	"errors"
	"fmt"
)

// Go 1.19's fmt.Errorf wraps only the operand of its one `%w` when that operand is an
// error; a nil operand, a non-error one or a second `%w` is a bad verb (`%!w(...)`), and
// after a second `%w` nothing is wrapped.

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type point struct{ X, Y int }

var errBase = errors.New("base")

func show(err error) {
	fmt.Printf("%q wraps=%v is-base=%v\n", err.Error(), errors.Unwrap(err), errors.Is(err, errBase))
}

func main() {
	var nilErr error
	show(fmt.Errorf("nil: %w", nil))
	show(fmt.Errorf("nil error: %w", nilErr))
	show(fmt.Errorf("int: %w", 3))
	show(fmt.Errorf("string: %w", "s"))
	show(fmt.Errorf("struct: %w", point{1, 2}))
	show(fmt.Errorf("two: %w and %w", errBase, codeErr{2}))
	show(fmt.Errorf("two, first bad: %w and %w", 1, errBase))
	show(fmt.Errorf("v then w: %v %w", codeErr{1}, errBase))
	show(fmt.Errorf("indexed: %[2]w %[1]v", codeErr{1}, errBase))
	show(fmt.Errorf("value error: %w", codeErr{7}))
	show(fmt.Errorf("width: %10w|", errBase))
	show(fmt.Errorf("plus: %+w", errBase))
	show(fmt.Errorf("missing: %w"))
	show(fmt.Errorf("star: %*d %w", 4, 2, errBase))
	fmt.Println(fmt.Sprintf("sprintf: %w %w", codeErr{3}, 5))
	fmt.Printf("printf: %w\n", point{})
	var target codeErr
	fmt.Println(errors.As(fmt.Errorf("as: %w", codeErr{9}), &target), target.code)
}
