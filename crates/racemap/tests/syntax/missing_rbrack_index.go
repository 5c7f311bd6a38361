package main

func main() {
	_ = a[1
}
