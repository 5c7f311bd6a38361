package main

/* unterminated
func main() {}
