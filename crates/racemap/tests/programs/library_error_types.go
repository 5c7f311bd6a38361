package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
)

func main() {
	base := errors.New("base")
	w := fmt.Errorf("wrap: %w", base)
	nw := fmt.Errorf("nowrap: %v", base)
	fmt.Printf("%T %T %T\n", base, w, nw)
	if u, ok := w.(interface{ Unwrap() error }); ok {
		fmt.Println("unwrap:", u.Unwrap() == base)
	}
	_, ok := nw.(interface{ Unwrap() error })
	fmt.Println(ok, errors.Unwrap(w) == base, errors.Is(w, base))
	_, err := strconv.Atoi("x1")
	fmt.Printf("%T %v\n", err, err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Printf("%T %v\n", err, err)
	fmt.Printf("%T %T\n", context.Canceled, context.DeadlineExceeded)
	switch e := w.(type) {
	case interface{ RuntimeError() }:
		fmt.Println("runtime", e)
	case error:
		fmt.Println("error", e)
	}
	defer func() {
		r := recover()
		switch e := r.(type) {
		case interface{ RuntimeError() }:
			fmt.Println("runtime", e)
		case error:
			fmt.Println("error", e)
		}
	}()
	var m map[int]int
	m[1] = 1
}
