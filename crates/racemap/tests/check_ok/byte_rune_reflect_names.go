package main

import "fmt"

type B []byte

func conv(b byte) (r rune) { return rune(b) }

func main() {
	var b byte = 1
	var r rune = 'x'
	m := map[rune][]byte{'a': []byte("x")}
	fmt.Printf("%T %T %T %T %T %T\n", b, r, m, conv, B{}, struct{ c byte }{})
	fmt.Printf("%v %v\n", m, []rune("hé"))
	var i interface{} = []byte("x")
	_, ok := i.([]uint8)
	fmt.Println(ok)
	switch i.(type) {
	case []uint8:
		fmt.Println("uint8s")
	}
	var j interface{} = 'x'
	fmt.Println(j.(int32))
	var k interface{} = b
	fmt.Println(k.(string))
}
