package ex

import (
	"fmt"
	"testing"
)

func TestFirst(t *testing.T) {
	t.Log("tests run before examples")
}

func ExampleHello() {
	fmt.Println("hello")
	// Output: hello
}

func ExampleLines() {
	fmt.Println("one")
	fmt.Println("  two")
	fmt.Printf("three\n\n")
	// Output:
	// one
	//   two
	// three
}

func ExampleUnordered() {
	for _, s := range []string{"c", "a", "b"} {
		fmt.Println(s)
	}
	// Unordered output:
	// a
	// b
	// c
}

// ExampleNoOutput has no output comment: go test compiles it but does not run it.
func ExampleNoOutput() {
	fmt.Println("never printed")
	panic("never run")
}

func ExampleEmpty() {
	// A comment that is not the last one.
	x := 1
	_ = x
	// Output:
}

func Example_suffix() {
	fmt.Print("suffix") // output: suffix
}

func ExampleLineComment() {
	fmt.Println("line") // not the output comment
	// OUTPUT: line
}

func TestLast(t *testing.T) {}
