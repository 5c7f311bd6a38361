// racemap: --run Good
package ex

import (
	"fmt"
	"testing"
)

func TestGood(t *testing.T) {}

func TestOther(t *testing.T) { t.Fatal("not selected") }

func ExampleGood() {
	fmt.Println("good")
	// Output: good
}

func ExampleBad() {
	fmt.Println("bad")
	// Output: filtered out by -run
}
