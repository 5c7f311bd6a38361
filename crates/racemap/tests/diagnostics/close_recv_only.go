package main

func f(ch <-chan int) {
	close(ch)
}

func main() {
	f(nil)
}
