package main

import "fmt"

// retry loops with goto, as older Go code writes them.
func retry(attempts int) (tries int) {
again:
	tries++
	if tries < attempts {
		goto again
	}
	return
}

// goto out of nested loops, a switch and a range.
func find(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			switch {
			case v == want:
				fmt.Println("found at", i, j)
				goto done
			}
		}
	}
	fmt.Println("not found")
	return -1, -1
done:
	return want, want * 2
}

// a backward goto over a declaration re-runs it: each pass gets a fresh variable.
func fresh() {
	var saved []*int
	n := 0
next:
	x := n * 10
	saved = append(saved, &x)
	n++
	if n < 3 {
		goto next
	}
	for _, p := range saved {
		fmt.Print(*p, " ")
	}
	fmt.Println(*saved[0] == 0, saved[0] != saved[1])
}

func main() {
	fmt.Println(retry(4))
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 3))
	fmt.Println(find([][]int{{1}}, 9))
	fresh()
	ch := make(chan int)
	go func() {
		i := 0
	send:
		if i < 3 {
			ch <- i
			i++
			goto send
		}
		close(ch)
	}()
	sum := 0
recv:
	v, ok := <-ch
	if ok {
		sum += v
		goto recv
	}
	fmt.Println("sum", sum)
}
