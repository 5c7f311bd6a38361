package main

func main() {
	_ = len("a", "b")
	_ = cap()
	panic(1, 2)
}
