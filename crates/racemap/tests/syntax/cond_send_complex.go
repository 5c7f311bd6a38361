package main

func main() {
	ch := make(chan []int)
	if ch <- []int{1} {
	}
}
