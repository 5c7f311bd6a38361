package main

func main() {
	m := map[string]int{}
	m[1] = 2
}
