package store

import (
	"errors"
	"sync"
	"testing"
)

// Withdraw returns early on an error path without unlocking: the next caller blocks forever.
type Store struct {
	mu      sync.Mutex
	balance int
}

func (s *Store) Withdraw(n int) error {
	s.mu.Lock()
	if n > s.balance {
		return errors.New("insufficient funds")
	}
	s.balance -= n
	s.mu.Unlock()
	return nil
}

func TestWithdraw(t *testing.T) {
	s := &Store{balance: 5}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.Withdraw(10)
	}()
	go func() {
		defer wg.Done()
		s.Withdraw(1)
	}()
	wg.Wait()
}

// WithdrawFixed unlocks on every path with defer.
func (s *Store) WithdrawFixed(n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n > s.balance {
		return errors.New("insufficient funds")
	}
	s.balance -= n
	return nil
}

func TestWithdrawFixed(t *testing.T) {
	s := &Store{balance: 5}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.WithdrawFixed(10)
	}()
	go func() {
		defer wg.Done()
		s.WithdrawFixed(1)
	}()
	wg.Wait()
}
