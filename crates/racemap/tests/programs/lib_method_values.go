package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Method values of library types: the receiver is evaluated (its address taken) when the
// value is made; go and defer of them.
func main() {
	var mu sync.Mutex
	lock, unlock := mu.Lock, mu.Unlock
	lock()
	fmt.Println(mu.TryLock())
	unlock()
	var wg sync.WaitGroup
	add, done, wait := wg.Add, wg.Done, wg.Wait
	add(2)
	go done()
	go wg.Done()
	wait()
	var n atomic.Int64
	inc := n.Add
	fmt.Println(inc(2), inc(3), n.Load())
	var b strings.Builder
	write := b.WriteString
	write("ab")
	write("c")
	str := b.String
	fmt.Println(str(), b.Len())
	d := 1500 * time.Millisecond
	show := d.String
	d = time.Second
	fmt.Println(show(), d)
	var once sync.Once
	do := once.Do
	do(func() { fmt.Println("once") })
	do(func() { fmt.Println("twice") })
	var rw sync.RWMutex
	rl := rw.RLock
	rl()
	defer fmt.Println("deferred")
	defer rw.RUnlock()
	var v atomic.Value
	store := v.Store
	store("x")
	fmt.Println(v.Load())
	var m sync.Map
	put, get := m.Store, m.Load
	put("k", 1)
	fmt.Println(get("k"))
}
