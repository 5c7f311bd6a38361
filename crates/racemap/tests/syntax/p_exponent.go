package main

var f = 1p5
