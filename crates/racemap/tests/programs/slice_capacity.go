// The capacity append gives a grown slice: growslice doubles (or, past 256, adds a quarter
// and 192), then rounds the bytes up to the allocator's size class.
package main

import "fmt"

type S3 struct{ a, b, c int }

func main() {
	fmt.Println(cap(append([]byte(nil), 'a')))
	fmt.Println(cap(append([]int(nil), 1, 2, 3, 4, 5)))
	fmt.Println(cap(append([]int(nil), 1)))
	fmt.Println(cap(append(make([]int, 4), 5)))
	fmt.Println(cap(append([]string(nil), "a", "b", "c")), cap(append([]string(nil), "a", "b", "c", "d", "e")))
	fmt.Println(cap(append([]S3(nil), S3{}, S3{}, S3{})))
	fmt.Println(cap(append(make([]int, 512), 1)))
	fmt.Println(cap(append(make([]int, 4096), 1)))
	fmt.Println(cap(append([]struct{}(nil), struct{}{}, struct{}{})))
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	var b []byte
	for i := 0; i < 40; i++ {
		b = append(b, 'x')
		fmt.Print(cap(b), " ")
	}
	fmt.Println()
	fmt.Println(cap(append([]int32{1, 2, 3}, 4)), cap(append([]bool{true}, false, true)), cap(append([]rune(nil), 97, 98, 99)))
}
