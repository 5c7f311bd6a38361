package snapshot

import (
	"sync"
	"testing"
)

// Snapshot copies the whole struct without the lock while Update writes a field under it:
// the copy reads the field concurrently with the write (a data race).
type Point struct{ X, Y int }

type Tracker struct {
	mu  sync.Mutex
	pos Point
}

func (t *Tracker) Update(x int) {
	t.mu.Lock()
	t.pos.X = x
	t.mu.Unlock()
}

func (t *Tracker) Snapshot() Point { return t.pos }

func (t *Tracker) SnapshotFixed() Point {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pos
}

func TestSnapshot(t *testing.T) {
	tr := &Tracker{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tr.Update(1)
	}()
	_ = tr.Snapshot()
	wg.Wait()
}

func TestSnapshotFixed(t *testing.T) {
	tr := &Tracker{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tr.Update(1)
	}()
	_ = tr.SnapshotFixed()
	wg.Wait()
}
