package main

import "fmt"

// Interfaces embedding interfaces declared further down, as io.ReadWriter is written.
type ReadWriter interface {
	Reader
	Writer
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }

// A union of constraint interfaces (golang.org/x/exp/constraints style), declared before them.
type Number interface {
	Integer | Float
}

type Integer interface{ ~int | ~int64 }
type Float interface{ ~float64 | ~float32 }

type Buf struct{ data []string }

func (b *Buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buf) Write(s string) { b.data = append(b.data, s) }

type Meters int64

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	var rw ReadWriter = &Buf{}
	rw.Write("x")
	rw.Write("y")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")
	fmt.Println(Sum(1, 2), Sum(1.5, 2.5), Sum[Meters](3, 4), Sum[float32](0.25))
	fmt.Printf("%T %T\n", Sum[Meters](1), rw)
}
