package main

import "fmt"

func f() (n int) {
	defer func() { n *= 2 }()
	defer fmt.Println("deferred", n)
	n = 3
	return n + 1
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if b == 0 {
			err = "division by zero"
		}
	}()
	if b == 0 {
		return 0, ""
	}
	return a / b, ""
}

func main() {
	fmt.Println(f())
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	q, err := safeDiv(7, 2)
	fmt.Println(q, err)
	q, err = safeDiv(1, 0)
	fmt.Println(q, err)
}
