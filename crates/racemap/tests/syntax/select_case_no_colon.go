package main

func main() {
	select {
	case <-ch
	}
}
