package main

import (
	"fmt"
	"runtime"
	"sync"
)

type SafeCounter struct {
	sync.Mutex
	n int
}

type spin struct{ held bool }

func (s *spin) Lock() {
	for s.held {
		runtime.Gosched()
	}
	s.held = true
}

func (s *spin) Unlock() { s.held = false }

func with(l sync.Locker, f func()) {
	l.Lock()
	defer l.Unlock()
	f()
}

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	sc := &SafeCounter{}
	lockers := []sync.Locker{&mu, &rw, sc, &spin{}}
	total := 0
	for i, l := range lockers {
		with(l, func() { total += i })
	}
	sc.Lock()
	sc.n++
	sc.Unlock()
	fmt.Println(total, sc.n, runtime.NumGoroutine())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		with(sc, func() { sc.n++ })
	}()
	runtime.Gosched()
	wg.Wait()
	fmt.Println(sc.n)
	c := sync.NewCond(sc)
	ready := false
	done := make(chan bool)
	go func() {
		sc.Lock()
		ready = true
		sc.Unlock()
		c.Broadcast()
		done <- true
	}()
	sc.Lock()
	for !ready {
		c.Wait()
	}
	sc.Unlock()
	<-done
	fmt.Println("ready")
}
