package main

import (
	"context"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	deadline := time.Now().Add(20 * time.Millisecond)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	fmt.Println(slowOp(ctx, time.Millisecond))
	fmt.Println(slowOp(ctx, time.Hour))
	dl, ok := ctx.Deadline()
	fmt.Println(ok, dl.Equal(deadline), time.Until(deadline) <= 0)
	start := time.Now()
	later := start.Add(time.Minute)
	fmt.Println(later.Sub(start), later.After(start), start.Before(later), start.Add(0).Equal(start))
	fmt.Println(time.Until(later) > 59*time.Second, time.Until(start) <= 0)
	var zero time.Time
	fmt.Println(zero.Add(0).IsZero(), zero.Add(time.Second).IsZero(), zero.Add(time.Second).Before(start), zero.Add(2*time.Second).Sub(zero.Add(time.Second)))
	fmt.Println(time.Until(zero), time.Since(zero))
	past := time.Now().Add(-time.Second)
	ctx2, cancel2 := context.WithDeadline(context.Background(), past)
	defer cancel2()
	<-ctx2.Done()
	fmt.Println(ctx2.Err(), time.Since(past) >= time.Second)
}
