package main

import (
	"errors"
	"fmt"
)

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func cleanup(name string, err *error) {
	if *err != nil {
		*err = fmt.Errorf("%s: %w", name, *err)
	}
}

func work() (err error) {
	defer cleanup("work", &err)
	return errors.New("failed")
}

func main() {
	fmt.Println(safeDivide(10, 2))
	fmt.Println(safeDivide(1, 0))
	fmt.Println(counter())
	fmt.Println(work())
	defer func() {
		r := recover()
		fmt.Println("main recovered", r)
		var re interface{ RuntimeError() }
		_ = re
	}()
	var m map[string]int
	m["x"] = 1
}
