package main

import (
	"fmt"
	"testing"
)

func TestRace(t *testing.T) {
	x := 0
	done := make(chan bool)
	go func() { x++; done <- true }()
	x++
	<-done
}

func TestOther(t *testing.T) {}

func BenchmarkA(b *testing.B) {}

func BenchmarkB(b *testing.B) {
	for i := 0; i < b.N; i++ {
	}
}

func ExampleNoOutput() {
	fmt.Println("x")
}

func ExampleOut() {
	fmt.Println("x")
	// Output: x
}
