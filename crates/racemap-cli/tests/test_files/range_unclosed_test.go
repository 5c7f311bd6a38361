package pipeline

import "testing"

// The consumer ranges over jobs, but the producer never closes the channel: the consumer
// waits for a next job forever after the test has its results (a leak).
func TestConsume(t *testing.T) {
	jobs := make(chan int)
	sums := make(chan int)
	go func() {
		sum := 0
		for j := range jobs {
			sum += j
			sums <- sum
		}
	}()
	jobs <- 1
	<-sums
	jobs <- 2
	<-sums
}

func TestConsumeFixed(t *testing.T) {
	jobs := make(chan int)
	sums := make(chan int)
	go func() {
		sum := 0
		for j := range jobs {
			sum += j
			sums <- sum
		}
	}()
	jobs <- 1
	<-sums
	jobs <- 2
	<-sums
	close(jobs)
}
