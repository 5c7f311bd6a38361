package main

import (
	"fmt"
	"sync"
)

type Bank struct {
	mu      sync.Mutex
	balance int
}

func (b *Bank) Balance() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.balance
}

func (b *Bank) Deposit(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.balance += n
	fmt.Println("new balance", b.Balance())
}

func main() {
	b := &Bank{}
	b.Deposit(10)
}
