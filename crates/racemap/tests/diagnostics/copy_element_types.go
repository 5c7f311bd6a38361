package main

func main() {
	s := []int{1}
	b := []byte("x")
	m := map[int]int{}
	_ = copy(s, "ab")
	_ = copy(m, s)
	_ = copy(b, s)
	_ = copy(s, b)
	_ = copy(b, "ok")
}
