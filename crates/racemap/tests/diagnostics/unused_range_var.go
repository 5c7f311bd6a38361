package main

func main() {
	for i, v := range []int{1} {
		_ = i
	}
}
