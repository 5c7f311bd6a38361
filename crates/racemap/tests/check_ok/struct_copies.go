package main

import "fmt"

type Point struct {
	X, Y int
}

func (p Point) String() string {
	return fmt.Sprintf("(%d, %d)", p.X, p.Y)
}

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

type Segment struct {
	From, To Point
	Label    string
}

func main() {
	a := Point{1, 2}
	b := a
	b.Move(10, 0)
	fmt.Println(a, b, a.String())
	pts := []Point{{1, 1}, {2, 2}}
	for _, p := range pts {
		p.Move(1, 1)
	}
	for i := range pts {
		pts[i].Move(1, 1)
	}
	ptrs := []*Point{{X: 5}, &a}
	ptrs[0].Move(1, 1)
	s := Segment{From: a, To: b, Label: "ab"}
	s.To.X = 99
	m := map[string]Point{"origin": {}}
	p := m["origin"]
	p.X = 3
	m["origin"] = p
	var arr [3]Point
	arr[1].Y = 4
	q := &arr[2]
	q.Move(2, 2)
	fmt.Println(pts, ptrs[0].String(), s, m, arr, len(arr))
}
