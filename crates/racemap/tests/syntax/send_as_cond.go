package main

func main() {
	c := make(chan int)
	for c <- 1 {
	}
}
