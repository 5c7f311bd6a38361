package main

import (
	"errors"
	"fmt"
	"strconv"
)

// strconv.ParseFloat and FormatFloat as Go 1.19: the grammar (signs, exponents, hexadecimal
// mantissas, underscores, infinities, NaN), rounding to 32 or 64 bits, the errors' text and
// Err, and every format verb.
func main() {
	for _, s := range []string{
		"1.5", "-0", "+.5e1", "1e308", "1e309", "-1e400", "1e-400", "4.9e-324", "2.5e-324",
		"0.1", "1_000.5", "1__0", "_1", "1_", "0x1.8p1", "0x_1p-2", "0X1P+3", "0x1", "0x1p",
		"0x1.fffffffffffff8p1023", "0x1p-1075", "0x1p-1074", "inf", "+Inf", "-Infinity",
		"infinity", "infx", "NaN", "nan", "+nan", "", "+", "-", ".", "1e", "1e+", "1.5.",
		"abc", " 1", "1 ", "123456789012345678901234567890", "0.000000000000000000000000001",
		"3.4028235e38", "3.5e38", "1.17549435e-38", "0x1p128", "0x1.fffffep127",
	} {
		f64, err64 := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("%q: %v %v | %v %v\n", s, f64, err64, f32, err32)
	}
	_, err := strconv.ParseFloat("x1", 64)
	fmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Unwrap(err) == strconv.ErrSyntax)
	_, err = strconv.ParseFloat("1e999", 64)
	fmt.Println(errors.Is(err, strconv.ErrRange), err)
	for _, v := range []float64{0, 1, -2.5, 1.0 / 3, 123456789, 1e21, 1e-7, 5e-324, 1.7976931348623157e308} {
		fmt.Println(
			strconv.FormatFloat(v, 'f', -1, 64),
			strconv.FormatFloat(v, 'f', 2, 64),
			strconv.FormatFloat(v, 'e', -1, 64),
			strconv.FormatFloat(v, 'E', 3, 64),
			strconv.FormatFloat(v, 'g', -1, 64),
			strconv.FormatFloat(v, 'G', 4, 64),
			strconv.FormatFloat(v, 'g', -1, 32),
			strconv.FormatFloat(v, 'b', -1, 64),
			strconv.FormatFloat(v, 'x', -1, 64),
			strconv.FormatFloat(v, 'X', 2, 32),
			strconv.FormatFloat(v, 'z', -1, 64),
		)
	}
	fmt.Println(strconv.FormatInt(-42, 16), strconv.FormatInt(255, 2), strconv.Quote("hi\n\"x\""))
	defer func() { fmt.Println("recovered:", recover()) }()
	strconv.FormatFloat(1, 'f', -1, 16)
}
