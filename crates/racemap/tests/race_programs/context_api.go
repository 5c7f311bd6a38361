package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func main() {
	bg := context.Background()
	fmt.Println(bg.Err(), bg.Done() == nil)
	ctx, cancel := context.WithCancel(bg)
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	vctx := context.WithValue(child, key("user"), "ann")
	fmt.Println(vctx.Value(key("user")), vctx.Value(key("other")), vctx.Value("user"))
	fmt.Println(ctx.Err(), child.Err())
	cancel()
	cancel()
	<-child.Done()
	<-vctx.Done()
	fmt.Println(ctx.Err(), child.Err(), vctx.Err() == context.Canceled)
	tctx, tcancel := context.WithTimeout(context.TODO(), 10*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	_, ok2 := bg.Deadline()
	fmt.Println(ok, ok2, dl.Sub(time.Now()) <= 10*time.Millisecond)
	select {
	case <-tctx.Done():
		fmt.Println(tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	}
	past, pcancel := context.WithDeadline(bg, time.Now())
	fmt.Println(past.Err())
	pcancel()
	var f context.CancelFunc = cancel
	f()
	fmt.Println(context.Canceled, context.DeadlineExceeded)
}
