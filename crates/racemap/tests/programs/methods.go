package main

import "fmt"

type temp int

func (t temp) String() string { return fmt.Sprintf("%d°C", int(t)) }

type box struct{ t temp }

func (b *box) String() string { return "box of " + b.t.String() }

func main() {
	fmt.Println(temp(21), []temp{1, 2})
	b := &box{5}
	fmt.Println(b)
	fmt.Printf("%v|%s\n", b, temp(3))
	panic(fmt.Errorf("not found: %s", "a"))
}
