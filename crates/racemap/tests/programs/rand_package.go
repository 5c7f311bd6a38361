package main

import (
	"fmt"
	"math/rand"
	"sort"
)

// racemap's generator is not Go's (see rt/rand.rs): this program prints only what holds for
// every generator: ranges, permutations, and that a seed replays its sequence.
func draws() []int {
	out := make([]int, 20)
	for i := range out {
		out[i] = rand.Intn(6)
	}
	return out
}

func main() {
	rand.Seed(7)
	a := draws()
	rand.Seed(7)
	b := draws()
	same, inRange := true, true
	for i := range a {
		same = same && a[i] == b[i]
		inRange = inRange && a[i] >= 0 && a[i] < 6
	}
	fmt.Println("same sequence after the same seed:", same, "in range:", inRange)

	ok := true
	for i := 0; i < 100; i++ {
		f := rand.Float64()
		n63 := rand.Int63n(1000)
		n31 := rand.Int31n(10)
		ok = ok && f >= 0 && f < 1 && n63 >= 0 && n63 < 1000 && n31 >= 0 && n31 < 10
		ok = ok && rand.Int() >= 0 && rand.Int63() >= 0 && rand.Int31() >= 0
	}
	fmt.Println("ranges hold:", ok)

	p := rand.Perm(8)
	sort.Ints(p)
	fmt.Println("Perm(8) sorted:", p, len(rand.Perm(0)))

	words := []string{"a", "b", "c", "d", "e"}
	swaps := 0
	rand.Shuffle(len(words), func(i, j int) {
		swaps++
		words[i], words[j] = words[j], words[i]
	})
	sort.Strings(words)
	fmt.Println("Shuffle swapped", swaps, "times, kept", words)

	// Concurrent use of the global functions is safe: Go locks the source.
	done := make(chan int)
	for g := 0; g < 3; g++ {
		go func() { done <- rand.Intn(100) }()
	}
	total := 0
	for g := 0; g < 3; g++ {
		v := <-done
		if v >= 0 && v < 100 {
			total++
		}
	}
	fmt.Println("goroutines drew", total, "numbers in range")

	try := func(name string, f func()) {
		defer func() { fmt.Println(name, "recovered:", recover()) }()
		f()
	}
	try("Perm(-1)", func() { rand.Perm(-1) })
	try("Shuffle(-1)", func() { rand.Shuffle(-1, func(i, j int) {}) })
	try("Intn(0)", func() { rand.Intn(0) })
	try("Int63n(-5)", func() { rand.Int63n(-5) })
	try("Int31n(0)", func() { rand.Int31n(0) })
}
