package main

func main() {
	println(1.5, -0.000123, 1e21, 0.0, true, "s", 42)
	var f float32 = 0.1
	println(f)
	panic(2.5)
}
