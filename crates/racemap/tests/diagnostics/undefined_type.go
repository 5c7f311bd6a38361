package main

func main() {
	var c Cache
	_ = c
}
