package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{404}
	}
	return p
}

type Color int

func (c Color) String() string { return [...]string{"R", "G"}[c] }

type PtrS struct{ n int }

func (p *PtrS) String() string { return fmt.Sprintf("PtrS(%d)", p.n) }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as string" }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type Pair struct {
	c Color
	C Color
	P *PtrS
}

type NilSafe struct{}

func (n *NilSafe) String() string {
	if n == nil {
		return "nil NilSafe"
	}
	return "NilSafe"
}

func main() {
	err := find(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T\n", err)
	var e2 error = find(true)
	fmt.Println(e2)
	var me *MyErr
	fmt.Println(errors.As(e2, &me), me.Code)
	fmt.Println(Color(1), []Color{0, 1}, map[Color]int{1: 5})
	fmt.Printf("%v %d %s %q %x\n", Color(0), Color(1), Color(1), Color(0), Color(1))
	fmt.Println(PtrS{1}, &PtrS{2})
	fmt.Println(Both{})
	fmt.Printf("%v|%s\n", Boom{}, Boom{})
	fmt.Printf("%v %+v\n", Pair{0, 1, &PtrS{3}}, Pair{1, 0, nil})
	var ns *NilSafe
	fmt.Println(ns, fmt.Sprint(ns))
	fmt.Printf("%s|%v|%d\n", ns, ns, []*NilSafe{nil})
	var perr *MyErr
	fmt.Printf("[%v]\n", perr)
	fmt.Println("end")
}
