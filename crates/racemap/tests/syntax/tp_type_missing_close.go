package main

type L[T any []T
