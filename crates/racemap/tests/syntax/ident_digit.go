package main

var x = 1
var ٣y = 2
