package main

func producer(ch <-chan int) {
	ch <- 1
}

func main() {
	producer(make(chan int))
}
