package main

import (
	"context"
	"errors"
	"fmt"
)

func catch(f func()) (err error) {
	defer func() {
		err = recover().(error)
	}()
	f()
	return nil
}

func main() {
	var m map[string]int
	var s []int
	zero := 0
	var p *int
	var i interface{} = "x"
	ch := make(chan int)
	close(ch)
	fs := []func(){
		func() { m["a"] = 1 },
		func() { _ = s[5] },
		func() { _ = s[:7] },
		func() { _ = 1 / zero },
		func() { _ = *p },
		func() { _ = i.(int) },
		func() { close(ch) },
	}
	names := []string{"nilmap", "index", "slice", "div", "nilptr", "assert", "closeclosed"}
	for k, f := range fs {
		a, b := catch(f), catch(f)
		var x, y interface{} = a, b
		fmt.Println(names[k], a == b, errors.Is(a, b), x == y)
	}
	index6 := func() { _ = s[6] }
	fmt.Println(catch(fs[1]) == catch(index6), catch(fs[3]) == catch(fs[4]))
	fmt.Println(catch(fs[0]) == errors.New("assignment to entry in nil map"))
	counts := map[error]int{}
	for _, f := range append(fs, fs...) {
		counts[catch(f)]++
	}
	fmt.Println(len(counts), counts[catch(fs[1])], counts[catch(fs[5])])
	fmt.Println(errors.Is(fmt.Errorf("wrapped: %w", catch(fs[3])), catch(fs[3])))
	fmt.Printf("%#v %#v %#v\n", catch(fs[0]), catch(fs[3]), context.DeadlineExceeded)
	fmt.Println(context.DeadlineExceeded == context.DeadlineExceeded, errors.New("a") == errors.New("a"))
}
