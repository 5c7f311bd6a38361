package main

import (
	"log"
	"time"
)

func main() {
	log.Println("start")
	time.Sleep(1500 * time.Millisecond)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	log.Printf("after %v", time.Second)
	log.SetFlags(log.Ldate)
	log.Print("date only")
}
