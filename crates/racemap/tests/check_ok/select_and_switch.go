package main

import (
	"fmt"
	"time"
)

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", x+1)
	case string, []byte:
		return fmt.Sprint("text ", x)
	default:
		return "other"
	}
}

func main() {
	a := make(chan int)
	b := make(chan string, 1)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
		}
		b <- "done"
		close(quit)
	}()
loop:
	for {
		select {
		case v := <-a:
			fmt.Println("a", v)
		case s, ok := <-b:
			fmt.Println("b", s, ok)
		case <-quit:
			break loop
		default:
			time.Sleep(time.Millisecond)
		}
	}
	fmt.Println(describe(1), describe("x"), describe(nil), describe(2.5))
	var d time.Duration = 3 * time.Millisecond
	time.Sleep(d)
	const big = 1 << 40
	fmt.Println(big / (1 << 30))
	x := 5
	switch {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 1:
		fmt.Println("medium")
	default:
		fmt.Println("small")
	}
}
