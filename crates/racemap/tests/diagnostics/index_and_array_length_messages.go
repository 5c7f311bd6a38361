package main

func main() {
	var s []int
	_ = s["a"]
	_ = s[true]
	var a [1e100]int
	var b [2.5]int
	var c [-1]int
	var d ["a"]int
	_, _, _, _ = a, b, c, d
}
