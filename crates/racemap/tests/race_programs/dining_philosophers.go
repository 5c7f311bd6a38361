package main

import (
	"fmt"
	"sync"
)

type Fork struct{ sync.Mutex }

type Philosopher struct {
	id          int
	left, right *Fork
	meals       int
}

func (p *Philosopher) dine(wg *sync.WaitGroup) {
	defer wg.Done()
	first, second := p.left, p.right
	if p.id%2 == 0 {
		first, second = second, first
	}
	first.Lock()
	second.Lock()
	p.meals++
	second.Unlock()
	first.Unlock()
}

func main() {
	forks := make([]*Fork, 3)
	for i := range forks {
		forks[i] = new(Fork)
	}
	ps := make([]*Philosopher, 3)
	for i := range ps {
		ps[i] = &Philosopher{id: i, left: forks[i], right: forks[(i+1)%3]}
	}
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Add(1)
		go p.dine(&wg)
	}
	wg.Wait()
	for _, p := range ps {
		fmt.Printf("philosopher %d ate %d\n", p.id, p.meals)
	}
}
