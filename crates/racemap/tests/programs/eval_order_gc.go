package main

// gc's order of evaluation (cmd/compile/internal/walk/order.go): calls, receives, len/cap,
// slicing, type assertions, && and || and some conversions to interfaces are evaluated where
// they stand; other operands are read when the statement runs, after them. Built with -race,
// map reads and every type assertion are evaluated where they stand too.

import "fmt"

func main() {
	operands()
	assertionsAndLogic()
	assignments()
	boxing()
	addressability()
	indexAndSend()
}

type S struct{ x int }

func operands() {
	x := 1
	s := S{1}
	a := []int{1}
	m := map[string]int{"k": 1}
	p := new(int)
	*p = 1
	sl := []int{1, 2, 3}
	mp := map[int]int{1: 1}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 1
	var i interface{} = 1
	bs := []byte("a")
	str := "a"
	f := 1.0
	arr := [2]int{1, 1}
	mut := func() int {
		x, s.x, a[0], m["k"], *p = 2, 2, 2, 2, 2
		sl = sl[:1]
		mp[2] = 2
		<-ch
		i = 2
		bs[0] = 'b'
		str = "b"
		f = 2
		arr[0] = 2
		return 0
	}
	reset := func() {
		x, s.x, a[0], m["k"], *p = 1, 1, 1, 1, 1
		sl = []int{1, 2, 3}
		delete(mp, 2)
		ch <- 1
		i = 1
		bs[0] = 'a'
		str = "a"
		f = 1
		arr[0] = 1
	}
	fmt.Println("var", x, mut())
	reset()
	fmt.Println("field", s.x, mut())
	reset()
	fmt.Println("elem", a[0], mut())
	reset()
	fmt.Println("mapidx", m["k"], mut())
	reset()
	fmt.Println("deref", *p, mut())
	reset()
	fmt.Println("lenslice", len(sl), mut())
	reset()
	fmt.Println("capslice", cap(sl[:2]), mut())
	reset()
	fmt.Println("lenmap", len(mp), mut())
	reset()
	fmt.Println("lenchan", len(ch), mut())
	reset()
	fmt.Println("assert", i.(int), mut())
	reset()
	fmt.Println("bytes2str", string(bs), mut())
	reset()
	fmt.Println("concat", str+"!", mut())
	reset()
	fmt.Println("convf", int(f), mut())
	reset()
	fmt.Println("arrayelem", arr[0], mut())
	reset()
	fmt.Println("lenstr", len(str), mut())
	reset()
	fmt.Println("strconv", str, mut())
	reset()
	fmt.Println("iface", i, mut())
	reset()
	fmt.Println("slicevar", sl, mut())
	reset()
	v1, v2 := x, mut()
	fmt.Println("assign-var", v1, v2)
	reset()
	v3, v4 := len(sl), mut()
	fmt.Println("assign-len", v3, v4)
	reset()
	v5, v6 := m["k"], mut()
	fmt.Println("assign-mapidx", v5, v6)
	reset()
	v7 := x + mut()
	fmt.Println("binary-var", v7)
	reset()
	v8 := len(sl) + mut()
	fmt.Println("binary-len", v8)
	reset()
	v9 := m["k"] + mut()
	fmt.Println("binary-mapidx", v9)
	reset()
	v10 := i.(int) + mut()
	fmt.Println("binary-assert", v10)
	reset()
	v11 := []int{x, len(sl), m["k"], i.(int), mut()}
	fmt.Println("complit", v11)
	reset()
	v12 := int(f) + mut()
	fmt.Println("binary-conv", v12)
}

type T struct{ n int }

func assertionsAndLogic() {
	x := 1
	sl := []int{1, 2, 3}
	str := "a"
	var i interface{} = &T{1}
	var j interface{} = T{1}
	p := &T{1}
	mut := func() int {
		x = 2
		sl[0] = 9
		sl = sl[:1]
		str = "b"
		i = &T{2}
		j = T{2}
		p = &T{2}
		return 0
	}
	reset := func() {
		x = 1
		sl = []int{1, 2, 3}
		str = "a"
		i = &T{1}
		j = T{1}
		p = &T{1}
	}
	fmt.Println("andand", x == 1 && true, mut())
	reset()
	fmt.Println("oror", x == 2 || false, mut())
	reset()
	fmt.Println("not", !(x == 1), mut())
	reset()
	fmt.Println("cmp", x == 1, mut())
	reset()
	fmt.Println("slice", sl[0:2], mut())
	reset()
	fmt.Println("append", append(sl[:1], 5), mut())
	reset()
	fmt.Println("bytes", []byte(str), mut())
	reset()
	fmt.Println("runes", []rune(str), mut())
	reset()
	fmt.Println("ptrassert", i.(*T).n, mut())
	reset()
	fmt.Println("ptrassert2", i.(*T), mut())
	reset()
	fmt.Println("valassert", j.(T).n, mut())
	reset()
	fmt.Println("deref", p.n, (*p).n, mut())
	reset()
	fmt.Println("newmake", len(make([]int, x)), *new(int)+x, mut())
	reset()
	k := 0
	k, x = x, mut()
	fmt.Println("tuple", k, x)
	reset()
	s := []int{0, 0}
	s[0], s[1] = x, mut()
	fmt.Println("tuple-index", s)
	reset()
	var a [3]int
	a[x] = mut()
	fmt.Println("index-lhs", a)
	reset()
	m := map[int]int{}
	m[x] = mut()
	fmt.Println("map-lhs", m)
}

func assignments() {
	x := 1
	f := func() int { x = 10; return 1 }
	x += f()
	fmt.Println(x)
	a := []int{1, 2}
	i := 0
	g := func() int { i = 1; return 7 }
	a[i] = g()
	fmt.Println(a)
	i = 0
	a[i] += g()
	fmt.Println(a)
	m := map[int]int{}
	k := 0
	h := func() (int, bool) { k = 5; return 3, true }
	var ok bool
	m[k], ok = h()
	fmt.Println(m, ok)
	p := &a[0]
	q := func() int { p = &a[1]; return 4 }
	*p = q()
	fmt.Println(a)
	type S struct{ v int }
	s1, s2 := &S{}, &S{}
	sp := s1
	r := func() int { sp = s2; return 8 }
	sp.v = r()
	fmt.Println(s1.v, s2.v)
	b := []int{0, 0}
	j := 0
	b[j], j = 5, 1
	fmt.Println(b, j)
}

type P struct{ a, b int }
type One struct{ a int }
type Small struct{ a, b int16 }

func show(vs ...interface{})   { fmt.Println(vs...) }
func one(v interface{}, n int) { fmt.Println(v, n) }

func boxing() {
	x := 1
	var b int8 = 1
	var f32 float32 = 1
	s := "a"
	mut := func() int { x = 2; b = 2; f32 = 2; s = "b"; return 0 }
	reset := func() { x = 1; b = 1; f32 = 1; s = "a" }
	fmt.Println("int8var", b, mut())
	reset()
	fmt.Println("int8conv", int8(x), mut())
	reset()
	fmt.Println("int8expr", b+1, mut())
	reset()
	fmt.Println("f32expr", f32*2, mut())
	reset()
	fmt.Println("int16conv", int16(x), mut())
	reset()
	fmt.Println("structlit", P{x, x}, mut())
	reset()
	fmt.Println("onelit", One{x}, mut())
	reset()
	fmt.Println("smalllit", Small{int16(x), 1}, mut())
	reset()
	fmt.Println("arrlit", [2]int{x, x}, mut())
	reset()
	fmt.Println("strexpr", s+"!", mut())
	reset()
	fmt.Println("lt", x < 2, mut())
	reset()
	show("user", x == 1, mut())
	reset()
	one(x == 1, mut())
	reset()
	vs := []interface{}{x == 1, mut()}
	fmt.Println("complit", vs)
	reset()
	fmt.Println("uint8", uint8(x)+1, mut())
	reset()
	fmt.Printf("printf %v %v %d\n", x == 1, b, mut())
	reset()
	var e error
	fmt.Println("errnil", e == nil, mut())
}

var gb bool = true
var gp = P{1, 1}

type H struct {
	flag bool
	p    P
}

func param(b bool, p P, mut func() int) {
	fmt.Println("params", b, p, mut())
}

func addressability() {
	lb := true
	lp := P{1, 1}
	h := H{true, P{1, 1}}
	hp := &H{true, P{1, 1}}
	arr := []bool{true}
	m1 := map[int]int{1: 1}
	var ptr *int
	mut := func() int {
		gb = false
		gp = P{2, 2}
		lb = false
		lp = P{2, 2}
		h.flag = false
		h.p = P{2, 2}
		hp.flag = false
		arr[0] = false
		m1 = map[int]int{2: 2}
		ptr = new(int)
		return 0
	}
	fmt.Println("global", gb, gp, mut())
	gb, gp, lb, lp, h, hp.flag, arr[0], m1, ptr = true, P{1, 1}, true, P{1, 1}, H{true, P{1, 1}}, true, true, map[int]int{1: 1}, nil
	fmt.Println("local", lb, lp, mut())
	gb, gp, lb, lp, h, hp.flag, arr[0], m1, ptr = true, P{1, 1}, true, P{1, 1}, H{true, P{1, 1}}, true, true, map[int]int{1: 1}, nil
	fmt.Println("field", h.flag, h.p, hp.flag, mut())
	gb, gp, lb, lp, h, hp.flag, arr[0], m1, ptr = true, P{1, 1}, true, P{1, 1}, H{true, P{1, 1}}, true, true, map[int]int{1: 1}, nil
	fmt.Println("elem", arr[0], mut())
	gb, gp, lb, lp, h, hp.flag, arr[0], m1, ptr = true, P{1, 1}, true, P{1, 1}, H{true, P{1, 1}}, true, true, map[int]int{1: 1}, nil
	fmt.Println("ptrshaped", m1, ptr == nil, ptr, mut())
	b2 := true
	p2 := P{1, 1}
	param(b2, p2, func() int { b2 = false; p2 = P{3, 3}; return 0 })
	func(b bool, p P) {
		fmt.Println("ownparams", b, p, func() int { b = false; p = P{4, 4}; return 0 }())
	}(true, P{1, 1})
}

func indexAndSend() {
	a := []int{1, 2}
	b := []int{3, 4}
	s := a
	f := func() int { s = b; return 1 }
	fmt.Println("index", s[f()])
	c1 := make(chan int, 1)
	c2 := make(chan int, 1)
	c := c1
	g := func() int { c = c2; return 5 }
	c <- g()
	fmt.Println("send", len(c1), len(c2))
	m1 := map[int]string{1: "m1"}
	m2 := map[int]string{1: "m2"}
	m := m1
	h := func() int { m = m2; return 1 }
	fmt.Println("mapindex", m[h()])
	arr := [2]int{1, 2}
	k := func() int { arr[1] = 9; return 1 }
	fmt.Println("array", arr[k()])
}
