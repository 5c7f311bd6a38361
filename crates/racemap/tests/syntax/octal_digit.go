package main

var x = 0o19
