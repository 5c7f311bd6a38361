package main

func main() {
	var f float64 = "s"
	var ok bool = 1
	var n int
}
