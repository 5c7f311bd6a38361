package main

type T int

func (T) m[P any]() {}
