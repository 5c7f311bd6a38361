package main

func f1(x int) {
	goto In
	switch x {
	case 1:
	In:
		println(x)
	}
}

func f2() {
	goto Out
	{
		y := 1
		_ = y
	}
Out:
Unused:
}

func f3() {
	for {
		goto Later
	}
	z, w := 1, 2
	_, _ = z, w
Later:
}

func main() {
	f1(1)
	f2()
	f3()
}
