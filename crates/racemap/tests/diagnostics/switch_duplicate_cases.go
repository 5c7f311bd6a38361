package main

import "fmt"

func main() {
	var i interface{ M() }
	switch i.(type) {
	case string:
	}
	var e interface {
		M()
		N(int) string
	}
	var x int = e
	switch i.(type) {
	case fmt.Stringer, fmt.Stringer:
	case int, error, int:
	case nil, nil:
	}
	switch 1 {
	case 1, 1:
	}
	s := "a"
	switch s {
	case "a":
	case "b", "a":
	}
	switch f := 1.5; f {
	case 1.5, 2, 1.5:
	}
	fmt.Println(x)
}
