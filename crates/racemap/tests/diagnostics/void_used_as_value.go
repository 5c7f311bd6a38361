package main

func nothing() {}

func main() {
	x := nothing()
	_ = x
}
