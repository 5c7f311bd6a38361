package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

// lineCounter is a program's writer: log calls its Write once per line.
type lineCounter struct {
	lines int
	last  string
}

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines++
	c.last = string(p)
	return len(p), nil
}

func main() {
	var sb strings.Builder
	l := log.New(&sb, "sb: ", 0)
	l.Println("one", 1)
	l.Printf("two %d", 2)
	l.Print("three\n")
	fmt.Printf("%q\n", sb.String())

	var buf bytes.Buffer
	lb := log.New(&buf, "[buf] ", log.Lmsgprefix)
	lb.Println("hello")
	lb.SetPrefix("[p2] ")
	lb.Print("again")
	fmt.Print(buf.String())

	c := &lineCounter{}
	lc := log.New(c, "", log.Lshortfile)
	lc.Println("counted")
	lc.Printf("and %s", "again")
	fmt.Println(c.lines, c.last)

	var w io.Writer = os.Stdout
	lo := log.New(w, "out: ", 0)
	lo.Println("to stdout")
	fmt.Println(lo.Writer() == w, lo.Prefix(), lo.Flags())

	log.SetFlags(0)
	log.SetOutput(&sb)
	log.Println("std to builder")
	fmt.Printf("%q\n", sb.String())
	log.SetOutput(os.Stdout)
	log.Print("std to stdout")
	fmt.Println(log.Writer() == os.Stdout, log.Default() != nil)
	log.Default().Println("via Default")

	lc.SetOutput(&buf)
	lc.SetFlags(0)
	lc.Println("moved")
	fmt.Print(buf.String())
	fmt.Println(c.lines)

	fatal := log.New(c, "fatal: ", 0)
	fatal.Fatalf("bye %d", 3)
}
