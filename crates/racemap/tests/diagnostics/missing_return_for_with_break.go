package main

func find(xs []int) int {
	for {
		if len(xs) > 0 {
			break
		}
	}
}

func main() {
	_ = find(nil)
}
