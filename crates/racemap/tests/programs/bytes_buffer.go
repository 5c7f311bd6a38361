package main

import (
	"bytes"
	"fmt"
	"sync"
)

type SafeLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *SafeLog) Printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format, args...)
}

func main() {
	var b bytes.Buffer
	b.WriteString("hello")
	b.WriteByte(' ')
	b.WriteRune('é')
	b.WriteRune('!')
	b.Write([]byte(" world"))
	fmt.Fprintf(&b, " %d-%s", 42, "x")
	fmt.Fprintln(&b, " end")
	fmt.Fprint(&b, 1, 2, "z")
	fmt.Printf("%q %d\n", b.String(), b.Len())
	for i := 0; i < 30; i++ {
		b.WriteString("0123456789")
	}
	fmt.Println(b.Len())
	b.Reset()
	fmt.Println(b.Len(), b.String() == "")
	b.WriteString("again")
	fmt.Println(b.String())

	var log SafeLog
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			log.Printf("w%d;", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(log.buf.Len())
}
