package main

func main() {
	s := make([]int)
	_ = s
}
