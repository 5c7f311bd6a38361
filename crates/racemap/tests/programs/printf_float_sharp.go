package main

import "fmt"

func main() {
	for _, f := range []float64{1, 0.5, -3.75, 0, 1e300, 5e-324, 123456789, 1e-7} {
		fmt.Printf("%#x %#X %#b %x %#.2x %#10.3x %#-12x| %+#x\n", f, f, f, f, f, f, f, f)
		fmt.Printf("%#g %#G %#e %#E %#f %#.3g %#.0f %#.0e %#08.2f %# g\n", f, f, f, f, f, f, f, f, f, f)
	}
	var g float32 = 1.5
	fmt.Printf("%#x %#X %#b %#v %#g\n", g, g, g, g, g)
	fmt.Printf("%#v %#v\n", 2.0, []float64{1, 0.25})
}
