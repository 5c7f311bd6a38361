package search

import (
	"context"
	"testing"
	"time"
)

// search gives up when the context times out, but its worker then blocks forever sending
// the late result on an unbuffered channel.
func search(ctx context.Context, results chan string) (string, error) {
	go func() {
		time.Sleep(5 * time.Millisecond)
		results <- "found"
	}()
	select {
	case r := <-results:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func TestSearch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := search(ctx, make(chan string)); err != nil {
		t.Log(err)
	}
}

func TestSearchFixed(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	// Room for the late result: the worker always finishes.
	if _, err := search(ctx, make(chan string, 1)); err != nil {
		t.Log(err)
	}
}
