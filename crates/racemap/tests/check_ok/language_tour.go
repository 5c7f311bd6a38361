package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

type Celsius float64

type handler func(int) string

type Level int

const (
	Low Level = iota * 10
	Mid
	High
)

const timeout time.Duration = 5 * time.Millisecond

var (
	mu       sync.Mutex
	registry = newRegistry()
	names    = []string{"a", "b"}
	total    int
)

type Registry struct {
	entries map[string][]int
}

func newRegistry() *Registry {
	return &Registry{entries: map[string][]int{}}
}

func (r *Registry) Add(name string, v int) {
	mu.Lock()
	defer mu.Unlock()
	r.entries[name] = append(r.entries[name], v)
	total += v
}

func init() {
	registry.Add("init", 1)
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("bad number %q: %v", s, err)
	}
	return n, nil
}

func kind(v any) string {
	switch x := v.(type) {
	case error:
		return "error " + x.Error()
	case int, int64:
		return fmt.Sprintf("%T", x)
	}
	return "?"
}

func main() {
	var h handler = func(n int) string { return strconv.Itoa(n) }
	fmt.Println(h(3), Low, Mid, High, timeout)
	c := Celsius(36.6)
	fmt.Println(c*2, float64(c)/2)
	n := 3
	fmt.Println(1<<3, 1<<n, uint8(255))
	q, r := divmod(7, 2)
	q, r = r, q
	fmt.Println(q, r)
	if v, err := parse("12"); err == nil {
		fmt.Println(v)
	} else {
		fmt.Println(err.Error())
	}
	var fib func(int) int
	fib = func(k int) int {
		if k < 2 {
			return k
		}
		return fib(k-1) + fib(k-2)
	}
	fmt.Println(fib(10))
	s := []int{1, 2, 3, 4}
	i := 1
	s = append(s[:i], s[i+1:]...)
	dst := make([]int, len(s))
	copy(dst, s)
	fmt.Println(min(3, 1, 2), max(1, 2.5), len(dst), cap(dst))
	for idx, ch := range "héllo" {
		if ch == 'l' {
			continue
		}
		_ = idx
	}
	b := []byte("abc")
	fmt.Println(string(b), strings.ToUpper("x"), strings.Repeat("-", 3))
	p := new(int)
	*p = 3
	type pair struct{ a, b int }
	x1, x2 := pair{1, 2}, pair{1, 2}
	fmt.Println(x1 == x2, *p)
	var any1 interface{} = 1
	fmt.Println(any1 == 1, kind(any1), kind(fmt.Errorf("e")))
	done := make(chan struct{}, 1)
	done <- struct{}{}
	fmt.Println(len(done), cap(done))
	<-done
	f := registry.Add
	f("x", 2)
	var wg sync.WaitGroup
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	results := make(chan int, 3)
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results <- id * id
		}(w)
	}
	wg.Wait()
	close(results)
	sum := 0
	for v := range results {
		sum += v
	}
	switch y := sum % 3; y {
	case 0, 1:
		fmt.Println("low")
	default:
		fmt.Println("high")
	}
	var _ = names
	fmt.Println(sum, total, strings.Join(names, ","), time.Duration(n)*time.Millisecond)
	var arr [4]int
	for i := range arr {
		arr[i] = i
	}
	sl := arr[1:3]
	fmt.Printf("%v %d\n", sl, len(arr))
}
