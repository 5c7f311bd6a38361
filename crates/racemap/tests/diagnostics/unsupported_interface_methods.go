package main

type Shape interface {
	Area() float64
}

func main() {
}
