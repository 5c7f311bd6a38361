package main

if true {
}
