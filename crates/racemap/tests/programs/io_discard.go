package main

import (
	"fmt"
	"io"
	"log"
	"os"
)

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

func emit(w io.Writer, s string) {
	fmt.Fprintln(w, s)
}

func main() {
	fmt.Fprintln(io.Discard, "hidden")
	n, err := fmt.Fprintf(io.Discard, "%d-%s", 42, "x")
	fmt.Println(n, err)
	l := log.New(io.Discard, "p: ", 0)
	l.Println("gone")
	log.SetOutput(io.Discard)
	log.Println("also gone")
	emit(io.Discard, "no")
	emit(os.Stdout, "yes")
	var w io.Writer = io.Discard
	k, err := w.Write([]byte("zz"))
	fmt.Println(k, err)
	c := &counter{}
	emit(c, "abc")
	fmt.Println(c.n)
	fmt.Printf("%T %v %+v\n", io.Discard, io.Discard, io.Discard)
	m, _ := io.WriteString(io.Discard, "hello")
	fmt.Println(m)
	_, isStringWriter := io.Discard.(io.StringWriter)
	fmt.Println(isStringWriter, io.Discard == w)
	write := io.Discard.Write
	fmt.Println(write(nil))
}
