package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// upper is a program type that is an io.Writer.
type upper struct {
	out   strings.Builder
	calls int
}

func (u *upper) Write(p []byte) (int, error) {
	u.calls++
	u.out.WriteString(strings.ToUpper(string(p)))
	return len(p), nil
}

// failing always fails.
type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

// both has WriteString too, which io.WriteString prefers.
type both struct{ log []string }

func (b *both) Write(p []byte) (int, error) {
	b.log = append(b.log, "Write:"+string(p))
	return len(p), nil
}

func (b *both) WriteString(s string) (int, error) {
	b.log = append(b.log, "WriteString:"+s)
	return len(s), nil
}

func report(w io.Writer, name string, v int) {
	n, err := fmt.Fprintf(w, "%s=%d\n", name, v)
	fmt.Fprintln(os.Stderr, "wrote", n, err)
}

func main() {
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, "to stdout", 1)
	fmt.Fprint(w, "no newline ", 2, "\n")
	report(w, "x", 3)
	report(os.Stderr, "to stderr", 4)

	var sb strings.Builder
	report(&sb, "sb", 5)
	fmt.Fprintf(&sb, "%v|", []int{1, 2})
	w = &sb
	fmt.Fprint(w, "more")
	fmt.Println(sb.String(), sb.Len())

	var buf bytes.Buffer
	w = &buf
	fmt.Fprintln(w, "buffered", true)
	io.WriteString(w, "ws\n")
	fmt.Print(buf.String())

	u := &upper{}
	report(u, "upper", 6)
	fmt.Fprintln(u, "and", "again")
	fmt.Print(u.out.String())
	fmt.Println("calls:", u.calls)

	n, err := fmt.Fprintln(failing{}, "lost")
	fmt.Println(n, err)

	b := &both{}
	io.WriteString(b, "s")
	fmt.Fprint(b, "f")
	fmt.Printf("%q\n", b.log)

	args := []any{"spread", 7}
	fmt.Fprintln(w, args...)
	fmt.Print(buf.String())

	fprintf := fmt.Fprintf
	fprintf(os.Stdout, "value %d\n", 8)

	n, err = os.Stdout.Write([]byte("direct write\n"))
	fmt.Println(n, err)
	n, err = io.WriteString(os.Stdout, "io.WriteString to stdout\n")
	fmt.Println(n, err)
	os.Stdout.WriteString("WriteString\n")

	sb.Reset()
	sb.Write([]byte("bytes"))
	fmt.Println(sb.String())

	fmt.Println(io.EOF, errors.Is(fmt.Errorf("wrap: %w", io.EOF), io.EOF), os.ErrNotExist)
	fmt.Printf("%T %T\n", w, io.EOF)
}
