package tokens

import (
	"sync"
	"testing"
)

// release unlocks after an explicit Unlock on the early-return path and again in the
// deferred call: unlocking an unlocked mutex is a fatal error.
type Tokens struct {
	mu sync.Mutex
	n  int
}

func (t *Tokens) Take() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		t.mu.Unlock()
		return false
	}
	t.n--
	return true
}

func TestTake(t *testing.T) {
	tk := &Tokens{}
	tk.Take()
}

func (t *Tokens) TakeFixed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		return false
	}
	t.n--
	return true
}

func TestTakeFixed(t *testing.T) {
	tk := &Tokens{}
	if tk.TakeFixed() {
		t.Error("took from an empty bucket")
	}
}
