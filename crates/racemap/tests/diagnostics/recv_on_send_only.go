package main

func consumer(ch chan<- int) {
	<-ch
}

func main() {
	consumer(make(chan int))
}
