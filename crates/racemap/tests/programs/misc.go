// Go 1.22 semantics: each range iteration has its own v, so the goroutines send 1, 4, 9.
package main

import "fmt"

type Inner struct {
	Vals [3]int
	Tag  string
}

type Outer struct {
	In  Inner
	Ins []Inner
}

var registry = map[string]int{"a": 1}
var order []string

func init() {
	registry["b"] = 2
	order = append(order, "init")
}

func pair() (int, string) { return 7, "seven" }

func show(n int, s string) string { return fmt.Sprint(n, "=", s) }

func main() {
	var o Outer
	o.In.Vals[1] = 5
	o.In.Tag = "t"
	o.Ins = append(o.Ins, Inner{Tag: "x"})
	o.Ins[0].Vals[2] = 9
	c := o
	c.In.Vals[1]++
	fmt.Println(o.In.Vals, c.In.Vals, o.Ins[0].Vals, c.Ins[0].Tag)

	arr := [5]int{1, 2, 3, 4, 5}
	s := arr[1:4]
	s[0] = 20
	fmt.Println(arr, s, len(s), cap(s))

	fmt.Println(show(pair()), len(registry), order)

	str := "go!"
	for i := 0; i < len(str); i++ {
		fmt.Print(str[i], " ")
	}
	fmt.Println()

	results := make(chan int, 3)
	for _, v := range []int{1, 2, 3} {
		go func() { results <- v * v }()
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Println(sum)

	var x any = 3.5
	switch x.(type) {
	case int:
		fmt.Println("int")
	case float64:
		fmt.Println("float64")
	}

	const K = 3
	var f32 float32 = K / 2.0
	d := K * 2
	fmt.Println(f32, d, K/2)

	m := map[[2]int]string{{1, 2}: "a"}
	m[[2]int{3, 4}] = "b"
	fmt.Println(m[[2]int{1, 2}], len(m))

	type kv struct {
		k string
		v int
	}
	kvs := []kv{{"a", 1}, {"b", 2}}
	for i := range kvs {
		kvs[i].v *= 10
	}
	fmt.Println(kvs)
	ptrs := map[string]*kv{}
	ptrs["z"] = &kv{"z", 1}
	ptrs["z"].v++
	fmt.Println(*ptrs["z"])
	var nilm map[string]int
	for k := range nilm {
		fmt.Println(k)
	}
	fmt.Println(nilm == nil, len(nilm))
}
