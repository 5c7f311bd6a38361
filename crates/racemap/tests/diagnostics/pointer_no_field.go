package main

type Node struct{ next *Node }

func main() {
	n := &Node{}
	_ = n.prev
}
