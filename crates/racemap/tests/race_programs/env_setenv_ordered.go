package main

import (
	"fmt"
	"os"
)

// os.Setenv locks envLock for writing and os.Getenv for reading: the goroutine's write of x
// happens before main's read once main has seen the variable set.
func main() {
	x := 0
	go func() {
		x = 1
		os.Setenv("READY", "yes")
	}()
	for os.Getenv("READY") != "yes" {
	}
	fmt.Println(x, os.Getenv("RACEMAP_NEVER_SET") == "")
	v, ok := os.LookupEnv("READY")
	fmt.Println(v, ok, os.Unsetenv("READY"), os.Setenv("A=B", "v"))
	get := os.Getenv
	fmt.Println(get("READY") == "")
}
