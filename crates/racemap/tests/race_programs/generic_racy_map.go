package main

import (
	"fmt"
	"sync"
)

type Cache[K comparable, V any] struct {
	m map[K]V
}

func (c *Cache[K, V]) Put(k K, v V) {
	c.m[k] = v
}

func Fill[K comparable, V any](c *Cache[K, V], keys []K, v V, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, k := range keys {
		c.Put(k, v)
	}
}

func main() {
	c := &Cache[string, int]{m: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go Fill(c, []string{"a", "b"}, 1, &wg)
	go Fill(c, []string{"c", "d"}, 2, &wg)
	wg.Wait()
	fmt.Println(len(c.m))
}
