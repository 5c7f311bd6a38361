package main

func parse(s string) (n int, err error) {
	if s != "" {
		n, err := len(s), error(nil)
		_, _ = n, err
		return
	}
	return
}

func main() {
	_, _ = parse("x")
}
