package main

type Counter struct{ n int }

func (c Counter) Get() int   { return c.n }
func (c *Counter) Add(d int) { c.n += d }

func main() {
	_ = Counter.Add
	_ = Counter.Nope
	_ = (*Counter).Nope
}
