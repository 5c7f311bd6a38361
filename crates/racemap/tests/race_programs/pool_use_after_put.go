package main

import (
	"bytes"
	"fmt"
	"sync"
)

var pool = sync.Pool{New: func() any {
	fmt.Println("new buffer")
	return new(bytes.Buffer)
}}

// render borrows a buffer from the pool and returns it, but keeps writing to it after the
// Put: a goroutine that gets the same buffer from the pool races with that write.
func render(name string) string {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("hello " + name)
	s := b.String()
	pool.Put(b)
	b.WriteString("!") // use after Put
	return s
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println(render(fmt.Sprint(i)))
		}(i)
	}
	wg.Wait()
}
