package main

import "fmt"

func main() {
	xs := []any{1, "a", nil, 2.5, []int{1}}
	fmt.Println(xs...)
	s := fmt.Sprintln(xs[:2]...)
	fmt.Print(s)
	var none []any
	fmt.Println(none...)
	fmt.Println("end")
}
