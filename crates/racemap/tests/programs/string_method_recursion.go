package main

import "fmt"

type Rec struct{ n int }

func (r Rec) String() string { return fmt.Sprint(r) }

func main() {
	fmt.Println("start")
	fmt.Println(Rec{1})
}
