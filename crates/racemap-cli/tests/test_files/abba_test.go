package bank

import (
	"sync"
	"testing"
)

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// Transfer locks from, then to: two opposite transfers can deadlock (AB-BA).
func Transfer(from, to *Account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func TestTransfer(t *testing.T) {
	a, b := &Account{balance: 10}, &Account{balance: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		Transfer(a, b, 1)
	}()
	go func() {
		defer wg.Done()
		Transfer(b, a, 1)
	}()
	wg.Wait()
	if a.balance+b.balance != 20 {
		t.Fatal("money lost")
	}
}

// TransferOrdered locks the two accounts in one global order (by id): the fix.
func TransferOrdered(from, to *Account, n int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func TestTransferOrdered(t *testing.T) {
	a, b := &Account{id: 1, balance: 10}, &Account{id: 2, balance: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		TransferOrdered(a, b, 1)
	}()
	go func() {
		defer wg.Done()
		TransferOrdered(b, a, 1)
	}()
	wg.Wait()
	if a.balance+b.balance != 20 {
		t.Fatal("money lost")
	}
}
