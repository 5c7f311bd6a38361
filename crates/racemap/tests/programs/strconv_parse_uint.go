package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	cases := []struct {
		s    string
		base int
		bits int
	}{
		{"42", 10, 64}, {"300", 10, 8}, {"255", 10, 8}, {"-1", 10, 64}, {"+1", 10, 64},
		{"0xff", 0, 16}, {"1_000", 0, 64}, {"1_000", 10, 64}, {"18446744073709551615", 10, 64},
		{"18446744073709551616", 10, 64}, {"", 10, 64}, {"z", 36, 64}, {"7", 1, 64}, {"7", 10, 65},
	}
	for _, c := range cases {
		v, err := strconv.ParseUint(c.s, c.base, c.bits)
		fmt.Println(v, err, errors.Is(err, strconv.ErrRange))
	}
	v, _ := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Printf("%d %x %T %v\n", v, v, v, v > 1<<63)
	var u32 uint32 = uint32(v)
	fmt.Println(u32, uint8(v)+1)
}
