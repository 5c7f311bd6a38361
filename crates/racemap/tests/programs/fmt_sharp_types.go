package main

import (
	"errors"
	"fmt"
	"time"
)

type Inner struct {
	N   int
	Err error
}

type Outer struct {
	Name  string
	In    *Inner
	Any   interface{}
	Items []Inner
	Fn    func()
	D     time.Duration
}

type Celsius float64
type Names []string
type Lookup map[string]bool

func main() {
	ch := make(chan int)
	var recv <-chan int = ch
	var send chan<- string
	fmt.Printf("%T|%T|%T|%T\n", ch, recv, send, func(int) (string, error) { return "", nil })
	fmt.Printf("%T|%T|%T\n", struct{ A int }{1}, map[string][]*Inner{}, [2]Celsius{})
	o := Outer{Name: "o", Items: []Inner{{1, nil}, {2, errors.New("e")}}, D: time.Second}
	fmt.Printf("%v\n", o.Items)
	fmt.Printf("%+v\n", o.Items)
	fmt.Printf("%#v\n", o.Items[0])
	fmt.Printf("%#v\n", []interface{}{1, "a", nil, 2.5, true, Celsius(3)})
	fmt.Printf("%#v\n", map[string]interface{}{"b": []int{1}, "a": nil})
	fmt.Printf("%#v %#v %#v\n", time.Second, Celsius(1.5), Names{"x"})
	fmt.Printf("%#v %#v\n", Lookup{"k": true}, Names(nil))
	fmt.Printf("%v %+v\n", o.In, o.Any)
	fmt.Printf("%#v %#v\n", o.In, o.Any)
	fmt.Printf("%q % x %X\n", []byte("go"), []byte("go!"), "hi")
	fmt.Printf("%#x %#q %#U\n", "hi", "x", 'é')
	fmt.Printf("%v %s\n", [][]string{{"a"}, {"b", "c"}}, [][]string{{"a"}})
	fmt.Printf("%8.3f|%-8.3f|%+08.2f|% d|% d\n", -3.14159, 2.0, 3.5, 5, -5)
	fmt.Printf("%v %v\n", Celsius(21.5), []Celsius{1, 2.5})
	fmt.Printf("%3c|%-3c|%q\n", 'x', 'y', []rune("hé"))
	fmt.Printf("%v|%d|%s\n", time.Duration(1500)*time.Microsecond, time.Millisecond, 90*time.Second)
	fmt.Printf("%t|%v\n", 1, struct {
		A *int
		B []string
		C map[int]int
	}{})
	fmt.Printf("%010.4f|%-10d|%x|%X\n", 3.14159, -42, -1, uint8(200))
	fmt.Printf("%s\n", errors.New("as %s"))
	fmt.Printf("%v %v\n", &Inner{3, nil}, &[]int{1})
	fmt.Printf("%+v\n", &Inner{3, errors.New("x")})
	fmt.Printf("%v\n", &map[string]int{"a": 1})
	fmt.Println(fmt.Sprintf("%[2]d %[1]d %d", 1, 2), fmt.Sprintf("%[3]v", 1))
	fmt.Println(fmt.Sprintf("%.*f", 2, 3.14159), fmt.Sprintf("%-*s|", 4, "a"))
}
