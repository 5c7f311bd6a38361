package main

import "fmt"

func main() {
	fmt.Printf("%x %X %x %x %x %x\n", 3.5, 3.5, 1.0, 0.0, -2.0, 0.1)
	fmt.Printf("%.2x %.0x %x %x %b %b\n", 3.14159, 1.5, float32(0.1), 5e-324, 1.0, 0.0)
	fmt.Printf("%10.3x|%-12x|%+x|%b\n", 1.0, 2.5, 1.0, float32(3))
}
