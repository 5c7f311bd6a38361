package main

import "fmt"

var cache = newCache()

type Cache struct{ m map[string]int }

func newCache() *Cache { return &Cache{m: defaults} }

var defaults = map[string]int{"a": 1}

var total = count()

func count() int { return total + 1 }

func main() {
	fmt.Println(cache.m["a"])
}
