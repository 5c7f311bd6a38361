package main

func main() {
	a := 
	b := 
}

func g() {
	if {
	}
}
