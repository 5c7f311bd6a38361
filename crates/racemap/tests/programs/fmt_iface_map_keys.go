package main

import "fmt"

// fmt sorts interface-typed map keys by their dynamic type's descriptor (size, then name),
// then by value.

type T struct{ A int }
type N int
type Z string

func main() {
	mi := map[interface{}]int{"b": 1, 2: 2, T{1}: 3, N(4): 4, 2.5: 5, true: 6, Z("z"): 7,
		int8(1): 8, uint(3): 9, [1]int{1}: 10, 'r': 12, byte(1): 13, float32(1): 14,
		struct{}{}: 16, int64(5): 17, nil: 18, []int(nil) == nil: 19}
	fmt.Println(mi)
	m2 := map[any]string{"a": "s", 1: "i", 1.5: "f", false: "b"}
	fmt.Println(m2)
	fmt.Printf("%v %d\n", map[any]int{2: 1, "x": 2, 1: 3}, len(m2))
}
