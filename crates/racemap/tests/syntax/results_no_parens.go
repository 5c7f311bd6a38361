package main

func f() int, bool {
	return 1, true
}
