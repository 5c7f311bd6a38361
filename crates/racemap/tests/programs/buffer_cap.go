package main

import (
	"bytes"
	"fmt"
)

func main() {
	var b bytes.Buffer
	fmt.Println(b.Cap(), b.Len())
	b.WriteString("hello")
	fmt.Println(b.Cap(), b.Len())
	b.WriteString(string(make([]byte, 100)))
	fmt.Println(b.Cap(), b.Len())
	b.Reset()
	fmt.Println(b.Cap(), b.Len())
	var c interface{ Cap() int } = &b
	fmt.Println(c.Cap())
}
