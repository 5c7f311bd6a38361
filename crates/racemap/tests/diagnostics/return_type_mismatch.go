package main

func f() string {
	n := 1
	return n
}

func main() {
	f()
}
