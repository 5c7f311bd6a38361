// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 22: a 0 a 1 b 10 a 2 b 11 b 12 |rc=0 races=0
// go 20: a 0 b 10 a 1 a 2 b 11 b 12 |rc=0 races=0
// go 17: b 10 a 0 b 11 b 12 a 1 a 2 |rc=0 races=0
// go 16: a 0 b 10 a 1 b 11 a 2 b 12 |rc=0 races=0
// go 15: b 10 b 11 a 0 b 12 a 1 a 2 |rc=0 races=0
// go 15: a 0 a 1 a 2 b 10 b 11 b 12 |rc=0 races=0
// go 14: b 10 a 0 a 1 a 2 b 11 b 12 |rc=0 races=0
// go 13: a 0 b 10 b 11 b 12 a 1 a 2 |rc=0 races=0
// go 10: a 0 b 10 a 1 b 11 b 12 a 2 |rc=0 races=0
// go 9: a 0 a 1 b 10 b 11 b 12 a 2 |rc=0 races=0
// go 8: b 10 b 11 b 12 a 0 a 1 a 2 |rc=0 races=0
// go 8: b 10 b 11 a 0 a 1 a 2 b 12 |rc=0 races=0
// go 8: b 10 a 0 b 11 a 1 b 12 a 2 |rc=0 races=0
// go 7: a 0 a 1 b 10 b 11 a 2 b 12 |rc=0 races=0
// go 5: b 10 b 11 a 0 a 1 b 12 a 2 |rc=0 races=0
// go 5: b 10 a 0 a 1 b 11 a 2 b 12 |rc=0 races=0
// go 3: b 10 a 0 b 11 a 1 a 2 b 12 |rc=0 races=0
// go 3: a 0 b 10 b 11 a 1 b 12 a 2 |rc=0 races=0
// go 2: a 0 b 10 b 11 a 1 a 2 b 12 |rc=0 races=0

package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
		}
	}()
	go func() {
		for i := 10; i < 13; i++ {
			b <- i
		}
	}()
	go func() {
		for i := 0; i < 6; i++ {
			select {
			case v := <-a:
				fmt.Println("a", v)
			case v := <-b:
				fmt.Println("b", v)
			}
		}
		quit <- true
	}()
	<-quit
}
