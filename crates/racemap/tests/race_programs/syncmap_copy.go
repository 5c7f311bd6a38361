// A copied sync.Map shares its read and dirty maps and its entries with the original, as the
// pointers inside Go's struct are shared (go vet: "assignment copies lock value to m2").
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m1 sync.Map
	m1.Store("a", 1)
	m1.Load("zz")     // a miss with no dirty map: nothing
	m1.Store("b", 2) // b is only in dirty (read is amended)
	m2 := m1
	// a is in read, b only in the shared dirty map
	v, ok := m2.Load("a")
	fmt.Println("m2 a:", v, ok)
	v, ok = m2.Load("b")
	fmt.Println("m2 b:", v, ok)
	m2.Store("a", 10) // lock-free CAS on the shared entry
	v, _ = m1.Load("a")
	fmt.Println("m1 a after m2.Store:", v)
	m2.Store("c", 3) // m2 promoted dirty on the miss of b? new key
	v, ok = m1.Load("c")
	fmt.Println("m1 c:", v, ok)
	m1.Store("d", 4)
	v, ok = m2.Load("d")
	fmt.Println("m2 d:", v, ok)
	m1.Delete("b")
	v, ok = m2.Load("b")
	fmt.Println("m2 b after m1.Delete:", v, ok)
	n := 0
	m2.Range(func(k, v any) bool { n++; return true })
	fmt.Println("m2 keys:", n)
	n = 0
	m1.Range(func(k, v any) bool { n++; return true })
	fmt.Println("m1 keys:", n)

	// n2 promotes the dirty map it shares with n1 to its read map; n1 keeps writing new keys
	// into that same Go map, and n2 finds them without taking its lock.
	var n1 sync.Map
	n1.Store("x", 1)
	n2 := n1
	n2.Load("zz")
	n1.Store("y", 2)
	v, ok = n2.Load("y")
	fmt.Println("n2 y:", v, ok)
	n1.Delete("x")
	v, ok = n2.Load("x")
	fmt.Println("n2 x after n1.Delete:", v, ok)
	var zero sync.Map
	z2 := zero
	zero.Store("k", 1)
	v, ok = z2.Load("k")
	fmt.Println("copy of a zero map:", v, ok)
}
