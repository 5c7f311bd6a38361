package main

import "context"

func main() {
	n := 5
	ctx, cancel := context.WithTimeout(context.Background(), n)
	defer cancel()
	<-ctx.Done()
}
