package main

func f[T, U](x T) {}
