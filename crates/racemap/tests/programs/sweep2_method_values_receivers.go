package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Show()  { fmt.Println("value", c.n) }
func (c *Counter) Inc()  { c.n++ }

type Shower interface{ Show() }

func main() {
	c := Counter{1}
	show := c.Show
	inc := c.Inc
	inc()
	inc()
	show()
	c.Show()
	defer c.Show()
	c.n = 10
	var s Shower = c
	c.n = 20
	s.Show()
	var sp Shower = &c
	c.n = 30
	sp.Show()
	f := (*Counter).Inc
	f(&c)
	g := Counter.Show
	g(c)
	fs := []func(){c.Show, (&c).Show}
	c.n = 99
	for _, f := range fs {
		f()
	}
}
