package queue

import (
	"sync"
	"testing"
)

// Pop waits on the condition with `if` instead of `for`: after a Broadcast both consumers
// wake, the first takes the only item and the second pops from an empty queue (a panic).
type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Broadcast()
}

func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func TestPop(t *testing.T) {
	q := NewQueue()
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			q.Pop()
		}()
	}
	q.Push(1)
	q.Push(2)
	wg.Wait()
}

func (q *Queue) PopFixed() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func TestPopFixed(t *testing.T) {
	q := NewQueue()
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			q.PopFixed()
		}()
	}
	q.Push(1)
	q.Push(2)
	wg.Wait()
}
