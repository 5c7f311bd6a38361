package main

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"
)

func main() {
	var st func() = strings.Split
	var mp func() = strings.Map
	var ti func() = time.Sleep
	var ff func() = strings.FieldsFunc
	var up func() = unicode.IsUpper
	var ex func() = os.Exit
	var ad func() = atomic.AddInt64
	var tr func(*testing.T) = testing.Short
	var tk func() = time.NewTicker
	var sp func() = fmt.Sprintf
	fmt.Println(st, mp, ti, ff, up, ex, ad, tr, tk, sp)
}
