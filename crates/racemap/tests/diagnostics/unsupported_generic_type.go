package main

type Box[T any] struct{ v T }

func main() {
}
