// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 200: waiting 42 |rc=0 races=0

package main

import "fmt"

func main() {
	done := make(chan bool)
	data := 0
	go func() {
		data = 42
		done <- true
	}()
	fmt.Println("waiting")
	<-done
	fmt.Println(data)
}
