package main

import (
	"fmt"
	"strings"
	"time"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	var t *time.Timer
	var s interface{ Stop() bool } = t
	try("timer", func() { s.Stop() })
	var d *time.Duration
	var st fmt.Stringer = d
	try("duration", func() { fmt.Println(st.String()) })
	var b *strings.Builder
	var sw interface{ Len() int } = b
	try("builder", func() { fmt.Println(sw.Len()) })
	var tk *time.Ticker
	var ts interface{ Stop() } = tk
	try("ticker", func() { ts.Stop() })
}
