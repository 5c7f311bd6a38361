package main

import "fmt"

type Animal interface{ Sound() string }
type Dog struct{}

func (Dog) Sound() string { return "woof" }

type Cat struct{ name string }

func (c *Cat) Sound() string { return "meow" }

func main() {
	var a Animal = Dog{}
	if c, ok := a.(*Cat); !ok {
		fmt.Println("not a cat", c == nil)
	}
	var x interface{} = 3.5
	switch v := x.(type) {
	case int:
		fmt.Println("int", v)
	case float64, float32:
		fmt.Printf("float %v %T\n", v, v)
	}
	c := a.(*Cat)
	fmt.Println(c)
}
