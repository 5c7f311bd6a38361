package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	var zero time.Time
	now := time.Now()
	fmt.Println(now == zero, zero.IsZero(), now.IsZero(), now.Sub(zero), zero.Sub(now), zero.Sub(zero))
	fmt.Println(time.Since(zero), zero.Before(now), now.After(zero), now.Equal(now), zero.Equal(now))
	time.Sleep(time.Millisecond)
	later := time.Now()
	fmt.Println(later.After(now), later.Before(now), later.Sub(now) >= time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println(dl.IsZero(), ok, dl == zero)
	tctx, tcancel := context.WithTimeout(ctx, time.Second)
	defer tcancel()
	dl, ok = tctx.Deadline()
	fmt.Println(dl.IsZero(), ok, dl.After(now), dl.Sub(now) >= time.Second)
	zctx, zcancel := context.WithDeadline(ctx, zero)
	defer zcancel()
	<-zctx.Done()
	dl, ok = zctx.Deadline()
	fmt.Println(zctx.Err(), dl.IsZero(), ok)
}
