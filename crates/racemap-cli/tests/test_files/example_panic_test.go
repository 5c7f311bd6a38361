package ex

import "fmt"

func ExamplePanics() {
	fmt.Println("before")
	panic("boom")
	// Output: before
}
