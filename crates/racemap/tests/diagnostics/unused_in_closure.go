package main

func main() {
	go func() {
		v := 1
	}()
}
