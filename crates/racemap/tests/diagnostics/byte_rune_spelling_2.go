package main

func takesBytes(p []byte) int { return len(p) }

func conv(b byte) rune { return rune(b) }

func main() {
	s := "abc"
	c := s[1]
	x := 'a'
	_ = takesBytes("str")
	_ = takesBytes([]rune(s))
	var ch chan byte = make(chan rune)
	_ = c + x
	var arr [2]byte = [3]byte{}
	y := []byte{1, 2}
	y = append(y, "s")
	var z int = y[0]
	var g func(int) = conv
	var k map[string][]rune = map[string][]byte{}
	_, _, _, _ = ch, arr, z, g
	_ = k
}
