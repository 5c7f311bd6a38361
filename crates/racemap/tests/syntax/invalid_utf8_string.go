package main

var s = "\xff"
