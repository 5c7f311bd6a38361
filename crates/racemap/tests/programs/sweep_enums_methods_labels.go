package main

import (
	"fmt"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Weekday uint8

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

func sum(nums ...int) (total int) {
	defer func() { total *= 2 }()
	for _, n := range nums {
		total += n
	}
	return
}

func counter() func() int {
	c := 0
	return func() int { c++; return c }
}

func main() {
	fmt.Println(Red, Blue, Color(7), []Color{Green, Blue})
	fmt.Printf("%v %d %s %+v %#v\n", Green, Green, Blue, Red, Blue)
	fmt.Println(KB, MB, GB)
	add := Point{1, 2}.Add
	fmt.Println(add(Point{3, 4}))
	scale := (*Point).Scale
	p := Point{1, 1}
	scale(&p, 3)
	fmt.Println(p, Point.Add(p, p))
	fmt.Println(sum(1, 2, 3), sum([]int{4}...), sum())
	next := counter()
	next()
	fmt.Println(next(), next())
	grid := map[Point]string{{0, 0}: "origin", {1, 0}: "east"}
	fmt.Println(grid[Point{}], len(grid), grid)
	anon := struct {
		Name string
		Tags []string
	}{"x", []string{"a"}}
	fmt.Printf("%v %+v\n", anon, anon)
	fmt.Println(Point{1, 2} == Point{1, 2}, [2]int{1} == [2]int{1, 0})
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch x := 2; x {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three")
	default:
		fmt.Println("def")
	}
	var i8 int8 = 127
	i8++
	var u uint = 0
	u--
	fmt.Println(i8, u, -7/2, -7%2, 1<<3|1, 6&^4)
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 1
	{
		x := 2
		x++
	}
	fmt.Println(x, strings.Repeat("ab", 2))
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
