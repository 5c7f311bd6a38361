// racemap: --lang go1.19
package main

import (
	"errors"
	"fmt"
	"strings"
)

func main() {
	err := errors.Join(errors.New("a"), errors.New("b"))
	s, ok := strings.CutPrefix("foo", "f")
	c := strings.Clone("x")
	fmt.Println(err, s, ok, c)
}
