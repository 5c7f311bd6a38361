package main

func main(