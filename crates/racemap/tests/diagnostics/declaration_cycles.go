package main

type T struct{ t T }

const a = b
const b = a

var x = y
var y = x

type A B
type B A

type L struct{ next *L }

func main() {
	var l L
	_ = l
}
