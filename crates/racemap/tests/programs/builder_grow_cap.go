package main

import (
	"bytes"
	"fmt"
	"strings"
)

// strings.Builder's Grow and Cap follow Go 1.19's builder.go: append's capacities (growslice
// and the allocator's size classes), Grow's make([]byte, len, 2*cap+n), Reset to nil.
func main() {
	var sb strings.Builder
	fmt.Println(sb.Len(), sb.Cap())
	sb.WriteString("hello")
	fmt.Println(sb.Len(), sb.Cap())
	sb.Grow(2)
	fmt.Println(sb.Cap())
	sb.Grow(10)
	fmt.Println(sb.Cap())
	for i := 0; i < 10; i++ {
		sb.WriteString("0123456789")
	}
	fmt.Println(sb.Len(), sb.Cap())
	fmt.Fprintf(&sb, "%d", 42)
	sb.WriteByte('!')
	sb.WriteRune('é')
	fmt.Println(sb.Len(), sb.Cap())
	sb.Reset()
	fmt.Println(sb.Len(), sb.Cap(), sb.String() == "")
	var g strings.Builder
	g.Grow(100)
	g.WriteString("x")
	fmt.Println(g.String(), g.Len(), g.Cap())
	var buf bytes.Buffer
	buf.WriteString("abc")
	fmt.Println(buf.String(), buf.Len())
	buf.Reset()
	fmt.Println(buf.Len())
	defer func() { fmt.Println("recovered:", recover()) }()
	g.Grow(-1)
}
