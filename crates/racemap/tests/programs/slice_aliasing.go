package main

import "fmt"

func modify(s []int) {
	s[0] = 100
	s = append(s, 200)
	s[1] = 300
}

func main() {
	a := []int{1, 2, 3, 4}
	b := a[:2]
	b = append(b, 99)
	fmt.Println(a, b, len(b), cap(b))
	c := a[1:3:3]
	c = append(c, 77)
	c[0] = -1
	fmt.Println(a, c, len(c), cap(c))
	d := make([]int, 2, 10)
	modify(d)
	fmt.Println(d, d[:3])
	e := []int{1, 2}
	modify(e)
	fmt.Println(e)
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 9
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println("range copy", v)
		}
	}
	fmt.Println(arr, arr2)
	n := copy(a, []int{7, 8})
	fmt.Println(n, a)
	var s []string
	s = append(s, "x")
	fmt.Println(s, len(s), cap(s))
	grid := make([][]int, 2)
	for i := range grid {
		grid[i] = make([]int, 3)
	}
	grid[1][2] = 5
	fmt.Println(grid)
	m := map[string][]int{"k": {1}}
	v := m["k"]
	v[0] = 42
	fmt.Println(m)
	ptrs := []*int{}
	for i := 0; i < 3; i++ {
		x := i
		ptrs = append(ptrs, &x)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])
}
