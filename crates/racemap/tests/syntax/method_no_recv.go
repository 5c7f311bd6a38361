package main

func () f() {}
