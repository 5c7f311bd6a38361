package main

import (
	"fmt"
	"sort"
	"strings"
)

type Animal interface{ Sound() string }
type Cat struct{ name string }

func (c Cat) Sound() string { return c.name + " meows" }

type Logger interface {
	Log(string)
}
type Service struct {
	Logger
	name string
}
type stdoutLogger struct{ prefix string }

func (l stdoutLogger) Log(s string) { fmt.Println(l.prefix + s) }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Grid [2][3]int

func main() {
	var a Animal = Cat{"tom"}
	if c, ok := a.(Cat); ok {
		fmt.Println(c.name, c.Sound())
	}
	s := Service{stdoutLogger{"> "}, "svc"}
	s.Log("started " + s.name)
	words := []string{"banana", "kiwi", "apple", "fig"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Stable(sort.Reverse(sort.StringSlice(words)))
	fmt.Println(words, sort.SearchInts([]int{1, 3, 5}, 4))
	temps := map[string]Celsius{"x": 21.5, "a": -3}
	fmt.Println(temps)
	fmt.Printf("%v %s %d\n", Celsius(3), Celsius(4), 42)
	var g Grid
	g[1][2] = 7
	fmt.Println(g, len(g), len(g[0]))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String(), sb.Len())
	type point struct {
		X, Y int
		tag  *string
	}
	pts := []point{{1, 2, nil}, {X: 3}}
	fmt.Printf("%v %+v\n", pts, pts[1])
	var ip *int
	var m map[string]int
	var sl []int
	var fn func()
	var ch chan int
	var e error
	var i interface{}
	fmt.Println(ip, m, sl, fn == nil, ch, e, i)
	fmt.Printf("%v %v %v %v %d %s\n", ip, m, sl, ch, sl, sl)
	fmt.Printf("%q %x %X %o %b %e %08.3f %-5d| %5s|\n", "hi", 255, "hi", 8, 5, 1234.5, 3.14159, 42, "ab")
	fmt.Printf("%t %c %U %p\n", true, 'G', 'G', nil)
	fmt.Printf("%!d %z\n", 1)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0), fmt.Sprintln("x", 1))
	b := []byte("hey")
	fmt.Printf("%s %v %x %q\n", b, b, b, b)
	r := []rune("héllo")
	fmt.Println(len("héllo"), len(r), string(r[1]), strings.ToUpper("héllo"))
	for i, c := range "aé" {
		fmt.Println(i, c, string(c))
	}
}
