package main

import (
	"errors"
	"fmt"
	"os"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

type Str string

type S struct{ A int }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%v | %T\n", r, r)
	}()
	f()
}

func main() {
	try(func() { panic(MyErr{3}) })
	try(func() { panic(Str("custom")) })
	try(func() { panic(S{1}) })
	try(func() { panic(&S{2}) })
	try(func() { panic(3.5) })
	try(func() { panic(errors.New("plain")) })
	try(func() { panic(fmt.Sprintf("%d items", 3)) })
	try(func() { var e error; panic(e) })
	fmt.Fprintln(os.Stderr, "to stderr")
	panic(MyErr{7})
}
