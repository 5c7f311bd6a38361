package main

func main() {
	_ = -uint(1)
	_ = ^uint8(0) + 1
	const c uint8 = 255
	_ = c + 1
	_ = int64(1) << 70
	_ = -(-128 - 1)
	var x int8 = -(-128)
	_ = x
}
