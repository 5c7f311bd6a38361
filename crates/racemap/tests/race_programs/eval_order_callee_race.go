package main

// programs/eval_order_callee.go built with -race: a method's receiver and a function value
// are read after the calls among the arguments, and a map read, evaluated where it stands
// under -race, before them (`m["a"](q())` calls the old function).

import "fmt"

type S struct{ n int }

func (s S) get(x int) int   { return s.n*100 + x }
func (s *S) pget(x int) int { return s.n*100 + x }

type Getter interface{ get(int) int }

type Outer struct {
	S
	p *S
}

func main() {
	s := S{1}
	f := func() int { s = S{2}; return 5 }
	fmt.Println("value receiver:", s.get(f()))
	s = S{1}
	fmt.Println("pointer receiver:", s.pget(f()))

	fv := func(x int) int { return x }
	g := func() int { fv = func(x int) int { return x * 10 }; return 3 }
	fmt.Println("function value:", fv(g()))

	var i Getter = S{1}
	h := func() int { i = S{7}; return 1 }
	fmt.Println("interface:", i.get(h()))

	p := &S{1}
	k := func() int { p = &S{9}; return 2 }
	fmt.Println("through a pointer:", p.get(k()))
	p = &S{1}
	fmt.Println("pointer method through a pointer:", p.pget(k()))

	m := map[string]func(int) int{"a": func(x int) int { return x }}
	q := func() int { m["a"] = func(x int) int { return -x }; return 4 }
	fmt.Println("function from a map:", m["a"](q()))

	arr := []S{{1}}
	r := func() int { arr[0] = S{3}; return 6 }
	fmt.Println("element receiver:", arr[0].get(r()))

	o := Outer{S{1}, &S{1}}
	t := func() int { o = Outer{S{4}, &S{8}}; return 7 }
	fmt.Println("promoted:", o.get(t()))
	o = Outer{S{1}, &S{1}}
	fmt.Println("field pointer:", o.p.get(t()))

	fs := []func(int) int{func(x int) int { return x }}
	u := func() int { fs[0] = func(x int) int { return x + 100 }; return 8 }
	fmt.Println("function from a slice:", fs[0](u()))

	mk := func() func(int) int { return func(x int) int { return x + 1000 } }
	w := func() int { fv = nil; return 9 }
	fmt.Println("called callee first:", mk()(w()))

	s = S{1}
	n := 0
	next := func() int { n++; s = S{n + 10}; return n }
	fmt.Println("two calls:", s.get(next()), s.get(next()))
	func() {
		s = S{1}
		defer func(v int) { fmt.Println("deferred closure arg:", v) }(s.get(f()))
		s = S{1}
		defer fmt.Println("deferred println:", s.get(f()))
	}()
}
