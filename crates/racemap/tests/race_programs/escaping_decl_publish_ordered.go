package main

// The ordered twin of escaping_decl_publish_racy: the address travels over a channel, so the
// declaration's store happens before the reader's load. No race.

import "fmt"

func main() {
	ch := make(chan *int)
	go func() {
		x := 41
		x++
		ch <- &x
	}()
	p := <-ch
	fmt.Println(*p)
}
