package main

import "sync"

func main() {
	var m sync.Map
	m.Range(func(k, v any) {})
}
