package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"testing"
)

// The library's interfaces have Go's whole method sets: other names are undefined.
func f(tb testing.TB, w io.Writer, ctx context.Context, s fmt.Stringer) {
	tb.Foo()
	w.Close()
	ctx.Cancel()
	_ = s.Name
}

func main() {
	f(nil, os.Stdout, context.Background(), nil)
}
