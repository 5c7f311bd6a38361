package main

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(string) }

type File struct{ name string }

func (f File) Read() string { return f.name }

func main() {
	var r Reader = File{"a.txt"}
	fmt.Println(r.Read())
	var x interface{} = r
	w := x.(Writer)
	w.Write("x")
}
