package main

type A := int
