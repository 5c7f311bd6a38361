package main

import (
	"errors"
	"fmt"
)

// Printed without their methods (%#v, a bad verb, a second %w), the errors of errors.New
// and fmt.Errorf show Go 1.19's structs: &errors.errorString{s:"x"}, &{msg err}.

type tempErr struct{ op string }

func (t tempErr) Error() string { return t.op + ": temporary" }

func main() {
	e := errors.New("x")
	fmt.Printf("%#v\n", e)
	fmt.Printf("%d|%x|%q|%+d\n", e, e, e, e)
	fmt.Println(fmt.Errorf("%w and %w", e, errors.New("second")))
	fmt.Println(fmt.Errorf("%w|%-8w|%8w", e, e, e))
	plain := fmt.Errorf("plain %d", 3)
	fmt.Printf("%#v %+v %v\n", plain, plain, plain)
	w := fmt.Errorf("w: %w", tempErr{"read"})
	fmt.Printf("%d\n", w)
	fmt.Printf("%#v\n", fmt.Errorf("nil: %w", nil))
	fmt.Printf("%v %+v %s\n", []error{e, nil}, map[string]error{"a": e}, struct{ E error }{e})
	fmt.Printf("%T %T\n", e, w)
}
