package main

import "fmt"

func main() {
	defer fmt.Println("deferred print runs")
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}
