package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	s := []int{1, 2, 3}
	s = append(s, 4, 5)
	t := s[1:3]
	t[0] = 20
	fmt.Println(s, t, len(t), cap(t))
	u := make([]int, 2, 10)
	n := copy(u, s)
	fmt.Println(u, n)
	fmt.Println(sum(), sum(1, 2), sum(s...))
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	m["a"] = append(m["a"], 2)
	fmt.Println(m["a"], len(m))
	delete(m, "a")
	v, ok := m["a"]
	fmt.Println(v == nil, ok)
	keys := map[int]bool{3: true, 1: true, 2: false}
	c := 0
	for k, v := range keys {
		if v {
			c += k
		}
	}
	fmt.Println(c)
	str := "hello, world"
	fmt.Println(str[7:], str[:5], len(str), str[0], string(str[1]))
	bs := []byte("abc")
	bs[0] = 'X'
	fmt.Println(string(bs))
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	fmt.Println(i8, u8, 7/2, -7/2, 7%3, -7%3, 1<<10, 0xff&^0x0f)
	f := 3.5
	fmt.Println(int(f), float64(7)/2)
	pts := []*struct{ X int }{{1}, {2}}
	pts[1].X = 5
	fmt.Println(pts[0].X + pts[1].X)
}
