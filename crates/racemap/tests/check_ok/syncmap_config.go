package main

import (
	"fmt"
	"sync"
)

var settings sync.Map

func load(key string) (string, bool) {
	v, ok := settings.Load(key)
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

func main() {
	settings.Store("region", "eu-west-1")
	settings.Store("retries", 3)
	actual, loaded := settings.LoadOrStore("region", "us-east-1")
	fmt.Println(actual, loaded)
	if s, ok := load("region"); ok {
		fmt.Println("region is", s)
	}
	count := 0
	settings.Range(func(key, value interface{}) bool {
		fmt.Printf("%v=%v\n", key, value)
		count++
		return true
	})
	settings.Delete("retries")
	fmt.Println(count)
}
