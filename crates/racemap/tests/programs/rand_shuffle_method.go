package main

import (
	"fmt"
	"math/rand"
)

type deck struct {
	cards []string
}

func main() {
	r := rand.New(rand.NewSource(42))
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println(xs)
	fmt.Println(r.Intn(100))
	d := deck{cards: []string{"A", "K", "Q", "J", "10", "9"}}
	shuffle := r.Shuffle
	shuffle(len(d.cards), func(i, j int) { d.cards[i], d.cards[j] = d.cards[j], d.cards[i] })
	fmt.Println(d.cards)
	r2 := rand.New(rand.NewSource(7))
	calls := 0
	r2.Shuffle(1, func(i, j int) { calls++ })
	r2.Shuffle(0, func(i, j int) { calls++ })
	fmt.Println("calls", calls, r2.Int63())
	big := make([]int, 50)
	for i := range big {
		big[i] = i
	}
	r3 := rand.New(rand.NewSource(-3))
	r3.Shuffle(len(big), func(i, j int) { big[i], big[j] = big[j], big[i] })
	fmt.Println(big)
	rand.Seed(42)
	ys := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	rand.Shuffle(len(ys), func(i, j int) { ys[i], ys[j] = ys[j], ys[i] })
	fmt.Println(ys)
	defer func() { fmt.Println("recovered:", recover()) }()
	r.Shuffle(-1, func(i, j int) {})
}
