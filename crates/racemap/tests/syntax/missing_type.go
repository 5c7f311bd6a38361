package main

var x
