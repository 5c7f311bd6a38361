package main

type point struct{ x, y int }

func main() {
	m := map[string]point{}
	m["a"].x = 1
}
