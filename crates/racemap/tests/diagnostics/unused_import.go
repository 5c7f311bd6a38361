package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("hi")
}
