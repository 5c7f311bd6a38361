package ex

import (
	"fmt"
	"sync"
	"testing"
)

var mu sync.Mutex
var count int

func inc() {
	mu.Lock()
	count++
	mu.Unlock()
}

func TestInc(t *testing.T) {
	inc()
	if count != 1 {
		t.Fatalf("count = %d", count)
	}
}

func BenchmarkInc(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(8)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		inc()
	}
	b.StopTimer()
	b.StartTimer()
}

func BenchmarkParallel(b *testing.B) {
	b.Helper()
	b.Cleanup(func() { b.Log("cleanup") })
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			inc()
		}
	})
}

func BenchmarkSub(b *testing.B) {
	b.Run("small", func(b *testing.B) {
		if b.N < 0 {
			b.Fatal("negative")
		}
		b.Logf("n=%d", b.N)
	})
	if b.Failed() {
		b.Error("failed")
	}
	b.Skip("never run")
}

func ExampleInc() {
	inc()
	fmt.Println("ok")
	// Output: ok
}
