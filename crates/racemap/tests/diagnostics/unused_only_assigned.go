package main

type Point struct{ X int }

func main() {
	p := Point{}
	p.X = 1
	var arr [3]int
	arr[0] = 1
	x := 0
	x++
	m := map[int]int{}
	m[1] = 2
	var q *Point
	q = &Point{}
	var s []int
	s = append(s, 1)
}
