package main

var f = 0x1p-2
