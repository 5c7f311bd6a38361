package main

type T struct {
	A int

func main() {}
