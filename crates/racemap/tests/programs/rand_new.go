package main

import (
	"fmt"
	"math/rand"
)

// Each Rand replays its seed's sequence, independently of the global source and of other
// Rands (written when racemap's numbers were not Go's: it prints only what holds for any
// generator; rand_go_numbers.go prints Go's numbers).
func main() {
	r1 := rand.New(rand.NewSource(42))
	var first []int
	for i := 0; i < 10; i++ {
		first = append(first, r1.Intn(100))
		rand.Int() // the global source does not disturb r1
	}
	r2 := rand.New(rand.NewSource(42))
	same := true
	for i := 0; i < 10; i++ {
		same = same && r2.Intn(100) == first[i]
	}
	fmt.Println("two Rands with one seed agree:", same)
	r1.Seed(42)
	fmt.Println("Seed replays:", r1.Intn(100) == first[0])
	var src rand.Source = rand.NewSource(0)
	r3 := rand.New(src)
	r4 := rand.New(rand.NewSource(89482311)) // Go treats seed 0 as 89482311
	fmt.Println("seed 0 is 89482311:", r3.Int63() == r4.Int63())
	ok := true
	for i := 0; i < 50; i++ {
		f := r3.Float64()
		ok = ok && f >= 0 && f < 1 && r3.Int63n(7) < 7 && r3.Int31n(3) < 3 && r3.Int() >= 0 && r3.Int31() >= 0
	}
	fmt.Println("ranges hold:", ok, len(r3.Perm(5)))
	defer func() { fmt.Println("recovered:", recover()) }()
	r3.Intn(-1)
}
