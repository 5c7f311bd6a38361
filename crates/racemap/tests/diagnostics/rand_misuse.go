package main

import "math/rand"

func main() {
	_ = rand.Intn("6")
	rand.Seed()
	var f float32 = rand.Float64()
	_ = f
}
