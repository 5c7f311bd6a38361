package main

type Shape interface {
	Area() float64
	Area() int
}

func main() {
	var s Shape
	_ = s
}
