package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	if a.balance < n {
		a.mu.Unlock()
		return false
	}
	a.balance -= n
	a.mu.Unlock()
	a.mu.Unlock()
	return true
}

func main() {
	a := &Account{balance: 10}
	fmt.Println(a.Withdraw(20))
	fmt.Println(a.Withdraw(5))
}
