package main

import "fmt"

func f() (n int, s string) {
	n++
	s += "x"
	return
}

type T struct{ a []int }

func (t *T) add(v int) *T { t.a = append(t.a, v); return t }

func main() {
	fmt.Println(f())
	t := &T{}
	t.add(1).add(2).add(3)
	fmt.Println(t.a)
	var fn func(int) int
	fmt.Println(fn == nil)
	fn = func(x int) int {
		if x <= 1 {
			return 1
		}
		return x * fn(x-1)
	}
	fmt.Println(fn(5))
	x := 10
	p := &x
	pp := &p
	**pp = 20
	fmt.Println(x, *p == 20)
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	var iface interface{} = t
	if tt, ok := iface.(*T); ok {
		fmt.Println(len(tt.a))
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok, len(ch))
	for range ch {
	}
	_, ok = <-ch
	fmt.Println(ok)
	m := map[string]map[string]int{}
	if _, ok := m["a"]; !ok {
		m["a"] = map[string]int{}
	}
	m["a"]["b"]++
	m["a"]["b"] += 2
	fmt.Println(m)
	var arr [2][2]int
	arr[1][0] = 7
	fmt.Println(arr)
	i := 0
	for {
		i++
		if i > 5 {
			break
		}
		if i%2 == 0 {
			continue
		}
		fmt.Print(i)
	}
	fmt.Println()
}
