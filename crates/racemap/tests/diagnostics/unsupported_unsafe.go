package main

import "unsafe"

func main() {
	var x int
	_ = unsafe.Sizeof(x)
}
