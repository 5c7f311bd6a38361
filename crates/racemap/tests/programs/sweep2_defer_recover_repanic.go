package main

import (
	"errors"
	"fmt"
)

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func named() (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			n = -1
		}
	}()
	n = 10
	var m map[string]int
	m["x"] = 1
	return n, nil
}

func double() (x int) {
	defer func() { x *= 2 }()
	return 21
}

func args() {
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	fmt.Println("x =", x)
}

func repanic() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("outer got: ", r))
		}
	}()
	defer func() {
		r := recover()
		panic(fmt.Sprintf("re-%v", r))
	}()
	panic("first")
}

func recoverNotDirect() {
	defer func() {
		helper := func() interface{} { return recover() }
		fmt.Println("helper recover:", helper())
	}()
	defer func() {
		fmt.Println("direct recover:", recover())
	}()
	panic("p")
}

func main() {
	order()
	fmt.Println(named())
	fmt.Println(double())
	args()
	fmt.Println(repanic())
	recoverNotDirect()
	fmt.Println(recover())
	defer fmt.Println("main deferred 1")
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}
