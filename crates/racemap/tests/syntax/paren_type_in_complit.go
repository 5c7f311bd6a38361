package main

func main() {
	_ = ([]int){1}
}
