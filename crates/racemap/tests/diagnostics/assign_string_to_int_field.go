package main

type Config struct {
	Retries int
}

func main() {
	c := Config{}
	c.Retries = "three"
	_ = c
}
