package main

func f[T any, int](x T) {}
