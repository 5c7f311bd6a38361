package main

func main() {
	switch {
	case :
	}
}
