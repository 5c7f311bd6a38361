package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type temporary interface {
	Temporary() bool
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	<-ctx.Done()
	err := ctx.Err()
	t, ok := err.(interface{ Timeout() bool })
	fmt.Println(ok, t != nil && t.Timeout())
	tp, ok2 := err.(temporary)
	fmt.Println(ok2, tp != nil && tp.Temporary())
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(err, &te), te.Timeout())
	fmt.Println(err == context.DeadlineExceeded, errors.Is(err, context.DeadlineExceeded))
	wrapped := fmt.Errorf("op: %w", err)
	var te2 interface{ Timeout() bool }
	fmt.Println(errors.As(wrapped, &te2), te2.Timeout(), errors.Is(wrapped, context.DeadlineExceeded))
	for _, e := range []error{context.Canceled, wrapped, context.DeadlineExceeded, errors.New("x")} {
		switch v := e.(type) {
		case interface{ Timeout() bool }:
			f := v.Timeout
			fmt.Println("timeout", f(), e)
		default:
			fmt.Println("other", e)
		}
	}
	var te3 interface{ Timeout() bool }
	fmt.Println(errors.As(context.Canceled, &te3), te3 == nil)
}
