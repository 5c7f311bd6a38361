package main

func main() {
	var a, b int
	a, b = 1
	_, _ = a, b
}
