package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

// Get has the classic bug: `if` instead of `for`. Another consumer can take the item between
// the Signal and this waiter's re-lock, and the woken waiter indexes an empty queue.
func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("a got", q.Get())
	}()
	q.Put(1)
	go func() {
		defer wg.Done()
		fmt.Println("b got", q.Get())
	}()
	q.Put(2)
	wg.Wait()
}
