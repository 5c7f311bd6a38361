package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func apply(s string, fs ...func(string) string) string {
	for _, f := range fs {
		s = f(s)
	}
	return s
}

func main() {
	fmt.Println(Map([]string{"go", "rust"}, strings.ToUpper))
	fmt.Println(Map([]int{1, 22, 333}, strconv.Itoa))
	fmt.Println(apply("  Hello  ", strings.TrimSpace, strings.ToLower, strings.Title))
	f := fmt.Sprintf
	fmt.Println(f("%d-%s", 7, "x"), f("plain"))
	pr := fmt.Printf
	pr("%v %v\n", 1, []int{2})
	pr("no args\n")
	println := fmt.Println
	n, err := println("a", 1, nil)
	fmt.Println(n, err)
	mk := errors.New
	e := mk("boom")
	fmt.Printf("%v %T\n", e, e)
	atoi := strconv.Atoi
	v, err := atoi("12x")
	fmt.Println(v, err)
	fmt.Fprintln(os.Stdout, Map([]string{"1", "2"}, func(s string) int { x, _ := atoi(s); return x * 2 }))
	var wg sync.WaitGroup
	results := make([]string, 3)
	conv := strconv.Quote
	for i, s := range []string{"a", "b\n", "c"} {
		wg.Add(1)
		go func(i int, s string) {
			defer wg.Done()
			results[i] = conv(s)
		}(i, s)
	}
	wg.Wait()
	fmt.Println(results)
	sleep := time.Sleep
	sleep(time.Millisecond)
	lp := log.Printf
	log.SetFlags(0)
	lp("to stderr %d", 1)
	var fn func(string) string
	fmt.Println(fn == nil)
	fn = strings.ToUpper
	fmt.Println(fn("z"), fn != nil)
	fmt.Printf("%T\n", strings.Repeat)
	k, err := fmt.Printf("%s|%d\n", "direct", 5)
	fmt.Printf("%T %v %v\n", fmt.Println, k, err)
	if _, err := fmt.Print(""); err == nil {
		fmt.Println("no error")
	}
}
