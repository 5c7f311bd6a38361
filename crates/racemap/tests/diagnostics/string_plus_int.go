package main

func main() {
	s := "a"
	n := 1
	_ = s + n
}
