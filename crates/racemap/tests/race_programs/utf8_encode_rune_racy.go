package main

import (
	"fmt"
	"unicode/utf8"
)

// utf8.EncodeRune writes p's bytes: the goroutine's write races with main's read of buf[1].
func main() {
	buf := make([]byte, 4)
	done := make(chan bool)
	go func() {
		utf8.EncodeRune(buf, 'é')
		done <- true
	}()
	b := buf[1]
	<-done
	fmt.Println(b == 0 || b == 0xa9, string(buf[:2]))
}
