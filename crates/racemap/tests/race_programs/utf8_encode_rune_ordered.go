package main

import (
	"fmt"
	"unicode/utf8"
)

// utf8.EncodeRune's writes, then a receive: main's read of buf[1] is ordered after them; and
// AppendRune into a slice the goroutine owns.
func main() {
	buf := make([]byte, 4)
	done := make(chan []byte)
	go func() {
		n := utf8.EncodeRune(buf, 'é')
		done <- utf8.AppendRune(buf[:n], '€')
	}()
	out := <-done
	fmt.Println(buf[1] == 0xa9, string(out))
}
