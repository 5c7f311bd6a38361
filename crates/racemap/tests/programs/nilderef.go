package main

import "fmt"

type point struct{ x, y int }

func main() {
	var p *point
	defer fmt.Println("deferred in main")
	fmt.Println(p.x)
}
