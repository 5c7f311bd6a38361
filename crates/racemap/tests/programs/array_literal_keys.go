package main

import "fmt"

type State int

const (
	Idle State = iota + 1
	Running
	Stopped
)

const Last = 3

// A lookup table indexed by typed constants: its length is the largest key plus one.
var names = [...]string{Idle: "idle", Running: "running", Stopped: "stopped"}

func (s State) String() string { return names[s] }

func main() {
	a := [...]string{2: "x"}
	b := [...]int{5: 1, 2}
	c := [...]string{Last: "k"}
	d := [...]string{Running: "r", Idle: "i"}
	e := []string{Running: "r", 0: "z"}
	f := [...]int{1, 2, Last + 6: 3}
	fmt.Println(len(a), len(b), len(c), len(d), len(e), len(f))
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(len(names), Running, []State{Idle, Stopped})
	fmt.Printf("%T %T %q\n", names, d, d)
}
