package main

type T
