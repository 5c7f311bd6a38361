package main

import "context"

func main() {
	ctx := context.WithValue(context.Background(), "k")
	_ = ctx
}
