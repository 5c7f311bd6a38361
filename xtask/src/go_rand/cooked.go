// Prints the 607 "cooked" words of Go's math/rand generator (rngSource), one per line.
//
// rngSource.Seed fills its table with words drawn from a Park-Miller generator (seedrand,
// x <- 48271*x mod 2^31-1, 20 words skipped, then three per entry: <<40, <<20, <<0) XORed
// with a fixed table. Reading the seeded table back (reflect reads unexported fields) and
// XORing the same Park-Miller words out gives that fixed table.
package main

import (
	"fmt"
	"math/rand"
	"reflect"
)

func seedrand(x int32) int32 {
	const (
		a = 48271
		q = 44488
		r = 3399
	)
	hi := x / q
	lo := x % q
	x = a*lo - r*hi
	if x < 0 {
		x += 1<<31 - 1
	}
	return x
}

func main() {
	const seed = 1
	vec := reflect.ValueOf(rand.NewSource(seed)).Elem().FieldByName("vec")
	x := int32(seed)
	for i := -20; i < vec.Len(); i++ {
		x = seedrand(x)
		if i >= 0 {
			u := int64(x) << 40
			x = seedrand(x)
			u ^= int64(x) << 20
			x = seedrand(x)
			u ^= int64(x)
			fmt.Println(vec.Index(i).Int() ^ u)
		}
	}
}
