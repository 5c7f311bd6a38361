package main

import "fmt"

type Closer interface {
	Close()
}

type file struct{ name string }

func (f *file) Close() { fmt.Println("close", f.name) }

func use(c Closer) {
	defer c.Close()
	fmt.Println("using")
}

func main() {
	defer fmt.Println("main deferred")
	use(&file{"a"})
	var c Closer
	use(c)
	fmt.Println("unreachable")
}
