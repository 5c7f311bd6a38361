package main

import (
	"errors"
	"fmt"
)

// A panic raised by Go's runtime recovers as an error (a runtime.Error), a panic of a string
// as a string: the common `r.(error)` check tells them apart.
func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("recovered error: %w", e)
				return
			}
			err = fmt.Errorf("recovered value: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	var s []int
	i := 3
	fmt.Println(safe(func() { _ = s[i] }))
	fmt.Println(safe(func() { panic("plain") }))
	fmt.Println(safe(func() { panic(errors.New("custom")) }))
	z := 0
	fmt.Println(safe(func() { fmt.Println(1 / z) }))
	fmt.Println(safe(func() { var m map[int]int; m[1] = 1 }))
	fmt.Println(safe(func() { var x interface{} = "s"; _ = x.(int) }))
	fmt.Println(safe(func() { ch := make(chan int); close(ch); close(ch) }))
	err := safe(func() { var p *struct{ n int }; p.n++ })
	fmt.Println(err, errors.Unwrap(err) != nil)
	defer func() {
		r := recover()
		e, ok := r.(error)
		fmt.Println(ok, e.Error() == fmt.Sprint(r))
		panic(r)
	}()
	_ = s[i:i+1]
}
