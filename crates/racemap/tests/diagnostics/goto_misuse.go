package main

import "fmt"

func f1() {
	goto L
	x := 1
	_ = x
L:
	fmt.Println("f1")
}

func f2(b bool) {
	goto M
	if b {
	M:
		fmt.Println("f2")
	}
}

func f3() {
	goto Missing
}

func f4() {
	goto Back
	{
	Back:
	}
}

func f5() {
	var a, b = 1, 2
	_, _ = a, b
	goto End
	var c int
	_ = c
End:
}

func main() {
	f1()
	f2(true)
	f3()
	f4()
	f5()
}
