package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	var m sync.Map
	m.Range(func(k, v int) bool { return true })
	xs := []int{3, 1}
	sort.Slice(xs, func(i int) bool { return true })
	var f func(int) string = strings.ToUpper
	var g func() = fmt.Println
	var h func(string) int = strconv.Itoa
	time.AfterFunc(time.Second, func(x int) {})
	var once sync.Once
	once.Do(func() int { return 1 })
	_ = sort.Search(3, func(i int) int { return i })
	var k func() = context.WithCancel
	var e func(error) = errors.Is
	var st func() = strings.Split
	var mp func() = strings.Map
	var ti func() = time.Sleep
	fmt.Println(f, g, h, k, e, st, mp, ti)
}
