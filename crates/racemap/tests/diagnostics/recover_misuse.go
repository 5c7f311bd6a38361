package main

func main() {
	var x int = recover()
	recover(1)
	f := recover
	defer recover()
	go recover()
	recover()
	var s string = recover().(string)
	_, _, _ = x, f, s
}
