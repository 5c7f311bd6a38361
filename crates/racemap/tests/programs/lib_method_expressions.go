package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	t := time.NewTimer(time.Second)
	stop := (*time.Timer).Stop
	fmt.Println(stop(t), stop(t))
	str := time.Duration.String
	fmt.Println(str(90 * time.Second))
	var mu sync.Mutex
	lock, unlock := (*sync.Mutex).Lock, (*sync.Mutex).Unlock
	lock(&mu)
	fmt.Println(mu.TryLock())
	unlock(&mu)
	fmt.Println(mu.TryLock())
	var b strings.Builder
	ws := (*strings.Builder).WriteString
	ws(&b, "abc")
	fmt.Println((*strings.Builder).Len(&b), b.String())
	f := t.Stop
	fmt.Println(f())
	reset := (*time.Timer).Reset
	fmt.Println(reset(t, time.Minute), t.Stop())
}
