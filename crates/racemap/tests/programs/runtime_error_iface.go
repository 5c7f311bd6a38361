package main

import (
	"fmt"
	"runtime"
)

type myErr struct{}

func (myErr) Error() string { return "mine" }
func (myErr) RuntimeError() {}

func classify(f func()) (kind string) {
	defer func() {
		switch r := recover().(type) {
		case nil:
			kind = "no panic"
		case runtime.Error:
			r.RuntimeError()
			kind = fmt.Sprintf("runtime error %T: %v", r, r)
		case error:
			kind = "error: " + r.Error()
		default:
			kind = fmt.Sprintf("value %v", r)
		}
	}()
	f()
	return
}

func main() {
	var m map[string]int
	var p *struct{ x int }
	fmt.Println(classify(func() { m["a"] = 1 }))
	fmt.Println(classify(func() { _ = p.x }))
	fmt.Println(classify(func() { var i interface{} = "s"; _ = i.(int) }))
	fmt.Println(classify(func() { panic(fmt.Errorf("plain %d", 1)) }))
	fmt.Println(classify(func() { panic(myErr{}) }))
	fmt.Println(classify(func() { panic(3) }))
	fmt.Println(classify(func() {}))
	var re runtime.Error = myErr{}
	fmt.Println(re, re.Error())
	var e error = re
	_, ok := e.(runtime.Error)
	fmt.Println(ok)
}
