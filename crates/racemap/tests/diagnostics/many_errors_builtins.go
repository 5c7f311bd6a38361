package main


type T struct {
	a int
	m map[string]int
}

func (t T) Val() int   { return t.a }
func (t *T) Ptr() int  { return t.a }
func two() (int, bool) { return 1, true }

func e20() {
	var ch <-chan int
	close(ch)
}
func e21() int {
	for {
		break
	}
}
func e22() {
	_ = new(5)
}
func e23() {
	_ = make(int)
}
func e24() {
	var a [2]int
	_ = a[:3:2]
}

func main() {}
