package main

var s = "\ud800"
