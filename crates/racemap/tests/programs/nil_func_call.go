package main

import "fmt"

type Handler struct {
	OnEvent func(string)
}

func main() {
	h := Handler{}
	fmt.Println("dispatch")
	h.OnEvent("start")
}
