package main

func main() {
	x, y := 1, 2
	if x = y + 1 {
	}
}
