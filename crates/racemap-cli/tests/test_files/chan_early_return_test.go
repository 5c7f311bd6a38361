package fetch

import (
	"errors"
	"testing"
)

// Fetch starts a worker that sends its result on an unbuffered channel, then returns early
// when validation fails: nobody ever receives, and the worker blocks forever (a leak).
func Fetch(key string) (int, error) {
	result := make(chan int)
	go func() {
		result <- len(key)
	}()
	if key == "" {
		return 0, errors.New("empty key")
	}
	return <-result, nil
}

func TestFetch(t *testing.T) {
	if _, err := Fetch(""); err == nil {
		t.Fatal("want an error")
	}
}

// FetchFixed gives the channel room for the one result, so the worker never blocks.
func FetchFixed(key string) (int, error) {
	result := make(chan int, 1)
	go func() {
		result <- len(key)
	}()
	if key == "" {
		return 0, errors.New("empty key")
	}
	return <-result, nil
}

func TestFetchFixed(t *testing.T) {
	if _, err := FetchFixed(""); err == nil {
		t.Fatal("want an error")
	}
}
