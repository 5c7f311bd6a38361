package main

import (
	"fmt"
	"strings"
)

type Report struct {
	out strings.Builder
}

func (r *Report) Line(s string) {
	r.out.WriteString(s)
	r.out.WriteByte('\n')
}

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	n, err := b.WriteString("héllo")
	fmt.Println(n, err, b.Len())
	b.WriteByte(' ')
	m, err := b.WriteRune('世')
	fmt.Println(m, err)
	b.WriteRune(-1)
	fmt.Printf("%q %d\n", b.String(), b.Len())
	b.Reset()
	fmt.Printf("%q\n", b.String())
	r := &Report{}
	r.Line("a")
	r.Line("b")
	fmt.Print(r.out.String())
	p := new(strings.Builder)
	p.WriteString(strings.Repeat("x", 3))
	fmt.Println(p.String(), p.Len())

	// A Builder copied after its first write panics on the copy's next write (Go's copyCheck).
	var a strings.Builder
	a.WriteString("x")
	c := a
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		c.WriteString("y")
	}()
	fmt.Println(c.String(), a.Len())
	c.Reset()
	c.WriteString("fresh")
	fmt.Println(c.String())
}
