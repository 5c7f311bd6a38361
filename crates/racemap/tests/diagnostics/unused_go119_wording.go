package main

import (
	str "strings"
	"fmt"
)

func main() {
	var i interface{} = 1
	switch v := i.(type) {
	case int:
	}
	for k, v := range []int{1} {
	}
	f := func() {
		z := 1
	}
	fmt.Println(f)
}
