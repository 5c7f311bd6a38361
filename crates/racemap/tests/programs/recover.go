package main

import "fmt"

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint("recovered: ", r)
		}
	}()
	q = a / b
	return q, ""
}

func explicit() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
	}()
	panic("boom")
}

func notPanicking() {
	defer func() {
		fmt.Println("no panic:", recover())
	}()
	fmt.Println("recover outside defer:", recover())
}

func nested() {
	defer func() {
		helper := func() any { return recover() }
		fmt.Println("nested helper:", helper())
		fmt.Println("direct:", recover())
	}()
	panic(42)
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	explicit()
	notPanicking()
	nested()
	done := make(chan any)
	go func() {
		defer func() { done <- recover() }()
		var m map[string]int
		m["x"] = 1
	}()
	fmt.Println("goroutine:", <-done)
	fmt.Println("end")
}
