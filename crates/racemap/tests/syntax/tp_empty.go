package main

func f[](x int) {}
