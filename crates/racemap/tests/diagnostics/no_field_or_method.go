package main

type Cache struct {
	data map[string]int
}

func main() {
	c := Cache{}
	c.Get("a")
}
