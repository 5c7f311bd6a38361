package main

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestOne(t *testing.T) {}

func BenchmarkOne(b *testing.B) {}

func ExampleHang() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	fmt.Println("start")
	var m map[string]int
	m["a"] = <-ch
	// Output: start
}
