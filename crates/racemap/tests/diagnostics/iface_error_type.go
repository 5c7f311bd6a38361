package main

import "fmt"

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

func find(k string) error {
	return NotFound{k}
}

func main() {
	fmt.Println(find("a"))
}
