package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

type Op func(a, b int) (int, error)

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

type ParseError struct {
	Tok string
	Pos int
}

func (e ParseError) Error() string { return fmt.Sprintf("bad token %q at %d", e.Tok, e.Pos) }

func eval(expr string) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	ops := map[string]Op{
		"+": func(a, b int) (int, error) { return a + b, nil },
		"/": func(a, b int) (int, error) {
			if b == 0 {
				return 0, fmt.Errorf("divide by zero")
			}
			return a / b, nil
		},
	}
	var st Stack
	for i, tok := range strings.Fields(expr) {
		if op, ok := ops[tok]; ok {
			b, a := st.Pop(), st.Pop()
			v, err := op(a, b)
			if err != nil {
				return 0, err
			}
			st.Push(v)
			continue
		}
		n, err := strconv.Atoi(tok)
		if err != nil {
			return 0, ParseError{tok, i}
		}
		st.Push(n)
	}
	return st.Pop(), nil
}

func main() {
	for _, e := range []string{"1 2 +", "4 0 /", "1 x +", "+", "7"} {
		v, err := eval(e)
		var pe ParseError
		if err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			if p, ok := err.(ParseError); ok {
				pe = p
				fmt.Println("parse error at", pe.Pos)
			}
			continue
		}
		fmt.Println(e, "=", v)
	}
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, "Hello, World"))
	fmt.Println(strings.Title("go is fun"), strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"))
	fmt.Println(strconv.Quote("tab\there"), strconv.FormatFloat(3.14159, 'f', 2, 64))
	fmt.Println(strconv.ParseBool("maybe"))
	x, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(x, err)
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	var arr [3]int
	idx := 5
	defer fmt.Println("deferred before panic")
	fmt.Println(arr[idx%len(arr)])
	var m map[string]int
	m["a"] = 1
}
