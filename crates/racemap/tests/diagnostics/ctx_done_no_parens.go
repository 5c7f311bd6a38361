package main

import "context"

func main() {
	ctx := context.Background()
	select {
	case <-ctx.Done:
	}
}
