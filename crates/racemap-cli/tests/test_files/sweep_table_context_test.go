package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func Reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func TestReverse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii", "abc", "cba"},
		{"unicode", "héllo", "olléh"},
		{"broken", "ab", "ab"},
	}
	for _, tt := range tests {
		tt := tt
		t.Run(tt.name, func(t *testing.T) {
			if got := Reverse(tt.in); got != tt.want {
				t.Errorf("Reverse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k]++
}

func TestCacheConcurrent(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
		}()
	}
	wg.Wait()
	if c.m["k"] != 4 {
		t.Fatalf("got %d", c.m["k"])
	}
}

var errTimeout = errors.New("slow")

func work(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return fmt.Errorf("work: %w", ctx.Err())
	}
}

func TestContextTimeout(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := work(ctx, time.Second)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("unexpected %v", err)
	}
	t.Log(err, strings.Contains(err.Error(), "deadline"))
}

func TestSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	t.Skipf("always skip %d", 1)
}

func ExampleReverse() {
	fmt.Println(Reverse("go"))
	// Output: og
}
