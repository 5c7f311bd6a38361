package main

import "fmt"

type Base struct{ n int }

func (b *Base) Get() int { return b.n }

type Getter interface{ Get() int }

type Wrapped struct {
	*Base
}

func main() {
	w := Wrapped{&Base{1}}
	var g Getter = w
	fmt.Println(g.Get(), w.Get(), w.n)
}
