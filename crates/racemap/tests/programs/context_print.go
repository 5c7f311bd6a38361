package main

import (
	"context"
	"fmt"
)

type key string

// Contexts print as Go 1.19 names them (their String methods).
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	v := context.WithValue(ctx, key("k"), "v")
	w := context.WithValue(v, 1, 2)
	fmt.Println(context.TODO(), ctx, v, w)
	fmt.Printf("%v %s\n", ctx, context.Background())
}
