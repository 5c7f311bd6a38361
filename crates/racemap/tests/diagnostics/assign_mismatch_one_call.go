package main

func pair() (int, error) { return 1, nil }

var g = pair()

func main() {
	var z = pair()
	var w int
	w = pair()
	q := pair()
	var r, s, t = pair()
	w, q = pair(), 1
	_, _, _, _, _, _ = z, w, q, r, s, t
}
