package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int       { return c.n }
func (c *Counter) Add(d int)     { c.n += d }
func (c Counter) Plus(d int) int { return c.n + d }

type Getter interface{ Get() int }

func main() {
	get := Counter.Get
	add := (*Counter).Add
	c := Counter{1}
	add(&c, 4)
	fmt.Println(get(c), Counter.Plus(c, 10), Counter.Get(Counter{7}))
	ig := Getter.Get
	fmt.Println(ig(c))
	fmt.Printf("%T %T\n", get, add)
	fs := []func(Counter) int{Counter.Get}
	fmt.Println(fs[0](Counter{9}))
}

// A method expression is an ordinary function value: it can be passed and run in goroutines.
func init() {
	done := make(chan int)
	apply := func(f func(*Counter, int), c *Counter) { f(c, 2); done <- c.n }
	go apply((*Counter).Add, &Counter{40})
	fmt.Println("init", <-done)
}
