package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
	sum := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			sum += i*10 + j
		}
	}
	fmt.Println(sum)
	switch x := 2; x {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three")
	default:
		fmt.Println("other")
	}
	fmt.Println(classify(-1), classify(0), classify(5), classify(50))
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	n := 0
	for n < 100 {
		n = n*2 + 1
	}
	fmt.Println(n)
	arr := [4]int{1, 2, 3}
	arr[3] = 9
	b := arr
	b[0] = 100
	total := 0
	for _, v := range arr {
		total += v
	}
	fmt.Println(total, b[0], len(arr))
}
