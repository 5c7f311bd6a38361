package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"time"
)

type stopper interface{ Stop() bool }

type resetter interface {
	Reset(d time.Duration) bool
	Stop() bool
}

type stringWriter interface {
	WriteString(s string) (int, error)
	String() string
}

type byteWriter interface {
	Write(p []byte) (int, error)
	Len() int
}

type seconds interface{ Seconds() float64 }

func stopAll(ss []stopper) {
	for i, s := range ss {
		fmt.Println(i, s.Stop())
	}
}

func main() {
	var s stopper = time.NewTimer(time.Second)
	fmt.Println(s.Stop(), s.Stop())

	var r resetter = time.NewTimer(time.Hour)
	fmt.Println(r.Reset(time.Minute), r.Stop(), r.Reset(time.Second), r.Stop())

	stopAll([]stopper{time.NewTimer(time.Second), time.AfterFunc(time.Second, func() {})})

	f := s.Stop
	fmt.Println(f())

	var x any = time.NewTimer(time.Second)
	if st, ok := x.(stopper); ok {
		fmt.Println("asserted", st.Stop())
	}
	_, isStringer := x.(fmt.Stringer)
	fmt.Println("timer is a Stringer:", isStringer)

	tk := time.NewTicker(time.Second)
	var tks interface{ Stop() } = tk
	tks.Stop()
	var tkr interface{ Reset(time.Duration) } = tk
	tkr.Reset(time.Minute)
	tks.Stop()

	var st fmt.Stringer = 1500 * time.Millisecond
	fmt.Println(st.String(), st)
	var sec seconds = 90 * time.Second
	fmt.Println(sec.Seconds())
	d := 2 * time.Minute
	var pd fmt.Stringer = &d
	fmt.Println(pd.String())

	var sw stringWriter = &strings.Builder{}
	sw.WriteString("hello, ")
	sw.WriteString("world")
	fmt.Println(sw.String())

	var buf bytes.Buffer
	var bw byteWriter = &buf
	n, err := bw.Write([]byte("abc"))
	fmt.Println(n, err, bw.Len(), buf.String())

	var rn interface{ Intn(n int) int } = rand.New(rand.NewSource(1))
	fmt.Println(rn.Intn(100), rn.Intn(100))

	var zero interface{ IsZero() bool } = time.Time{}
	fmt.Println(zero.IsZero())
}
