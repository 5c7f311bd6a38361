package main

var r = '\q'
