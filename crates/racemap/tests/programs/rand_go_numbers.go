// Go 1.19 seeds the global source with 1, so this prints the same numbers on every run: the
// ones real Go prints. Seeded sources too, whatever the seed's reduction.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	for i := 0; i < 5; i++ {
		fmt.Print(rand.Intn(100), " ")
	}
	fmt.Println(rand.Int63(), rand.Float64(), rand.Perm(5))
	s := []string{"a", "b", "c", "d", "e"}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	for _, seed := range []int64{0, 7, -3, 1 << 40} {
		r := rand.New(rand.NewSource(seed))
		fmt.Println(seed, r.Int31n(1000), r.Uint32(), r.Uint64(), r.Float32(), r.Perm(4))
	}
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[rand.Intn(20)]++
	}
	fmt.Println(len(m), m[3])
}
