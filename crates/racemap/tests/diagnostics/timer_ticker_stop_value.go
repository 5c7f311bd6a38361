package main

import "time"

func main() {
	tk := time.NewTicker(time.Second)
	ok := tk.Stop()
	_ = ok
}
