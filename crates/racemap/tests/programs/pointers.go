package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

var head *Node
var total = compute(3)

func compute(n int) int { return n * n }

func init() {
	for i := 1; i <= 3; i++ {
		head = &Node{Val: i, Next: head}
	}
}

func swap(a, b *int) { *a, *b = *b, *a }

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y, total)
	sum := 0
	for n := head; n != nil; n = n.Next {
		sum += n.Val
	}
	fmt.Println(sum, head.Val, head.Next.Next.Val)
	p := new(int)
	*p += 41
	*p++
	fmt.Println(*p)
	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[1] = 20
	for i := range pa {
		pa[i] *= 2
	}
	fmt.Println(arr, len(pa))
	s := []int{5, 6, 7}
	s[0], s[2] = s[2], s[0]
	fmt.Println(s)
	grid := [][]string{{"a", "b"}, {"c"}}
	grid[1] = append(grid[1], "d")
	fmt.Println(grid, len(grid[1]))
	type pair struct{ a, b int }
	ps := map[string]pair{}
	ps["x"] = pair{1, 2}
	q := ps["x"]
	q.b = 5
	fmt.Println(ps["x"], q)
	str := ""
	for i := 0; i < 3; i++ {
		str += fmt.Sprint(i)
	}
	fmt.Println(str + "!")
}
