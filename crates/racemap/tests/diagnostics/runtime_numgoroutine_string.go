package main

import (
	"fmt"
	"runtime"
)

func main() {
	var n string = runtime.NumGoroutine()
	fmt.Println(n)
}
