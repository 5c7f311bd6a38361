package main

func s["a"](x int) {}
