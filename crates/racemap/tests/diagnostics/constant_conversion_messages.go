package main

func main() {
	const c int = 200
	_ = int8(c)
	_ = int(2.5)
	_ = uint8(256)
	_ = int64(1e19)
	_ = float32(1e39 * 1)
	_ = uint(-1.0)
	_ = int(999999.9)
	_ = int(123456789.5)
	_ = int(1e400 + 0.5)
	_ = 1 << 1075
}
