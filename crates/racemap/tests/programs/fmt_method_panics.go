package main

import (
	"errors"
	"fmt"
)

type Boom struct{ msg string }

func (b Boom) String() string { panic(b.msg) }

type Safe struct{}

func (Safe) String() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("recovered ", r)
		}
	}()
	var m map[string]int
	m["x"] = 1
	return "unreachable"
}

type Idx struct{ xs []int }

func (i Idx) String() string { return fmt.Sprint(i.xs[5]) }

type Node struct{ next *Node }

func (n *Node) String() string { return "node->" + n.next.String() }

type BadErr struct{}

func (BadErr) Error() string { panic(errors.New("error in Error")) }

type Label string

type Loud struct{}

func (Loud) String() string { panic(Label("named")) }

type Rec struct{ n int }

func (r Rec) String() string { return fmt.Sprintf("Rec(%d)", r.n) }

func main() {
	fmt.Println(Boom{"boom"})
	fmt.Printf("[%10v] [%-8s] [%q]\n", Boom{"w"}, Boom{"x"}, Boom{"y"})
	fmt.Println(Safe{})
	fmt.Println(Idx{[]int{1}})
	var n *Node
	fmt.Printf("[%v] [%5s]\n", n, n)
	fmt.Println(&Node{})
	fmt.Println(BadErr{})
	fmt.Println(fmt.Errorf("wrap: %w", BadErr{}))
	fmt.Println(Loud{})
	fmt.Println([]fmt.Stringer{Rec{1}, Boom{"in slice"}})
	fmt.Printf("%d %v\n", Boom{"d"}, struct{ B Boom }{Boom{"field"}})
	s := fmt.Sprintf("%v", Boom{"sprintf"})
	fmt.Println(len(s), s)
}
