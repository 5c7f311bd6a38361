package main

func f(s string) {}

func main() {
	n := 42
	f(n)
}
