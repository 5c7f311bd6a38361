package main

var f = 0o7e5
