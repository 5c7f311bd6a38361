package notify

import (
	"sync"
	"testing"
)

// The notifier sends on an unbuffered channel while holding the lock, and the listener takes
// the same lock before it receives: each waits for the other (a mutex/channel deadlock).
type Bus struct {
	mu     sync.Mutex
	events chan string
	sent   int
}

func (b *Bus) Notify(e string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sent++
	b.events <- e
}

func (b *Bus) Listen() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return <-b.events
}

func TestBus(t *testing.T) {
	b := &Bus{events: make(chan string)}
	go b.Notify("start")
	b.Listen()
}

// The fix holds the lock only around the shared counter, never across the channel operation.
func (b *Bus) NotifyFixed(e string) {
	b.mu.Lock()
	b.sent++
	b.mu.Unlock()
	b.events <- e
}

func TestBusFixed(t *testing.T) {
	b := &Bus{events: make(chan string)}
	go b.NotifyFixed("start")
	<-b.events
}
