package ex

import (
	"fmt"
	"testing"
)

func TestPasses(t *testing.T) {}

func ExampleBad() {
	fmt.Println("bye")
	// Output: hi
}

func ExampleUnorderedBad() {
	fmt.Println("b")
	fmt.Println("c")
	// Unordered output:
	// a
	// b
}

func ExampleGood() {
	fmt.Println("good")
	// Output:
	// good
}

func ExampleEmptyBad() {
	fmt.Println("something")
	// Output:
}
