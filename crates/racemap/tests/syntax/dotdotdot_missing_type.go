package main

func f(a ...) {}
