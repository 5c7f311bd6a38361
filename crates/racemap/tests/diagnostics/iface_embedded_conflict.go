package main

type Sizer interface {
	Size() int
}

type Big interface {
	Sizer
	Size() int64
}

func main() {
	var b Big
	_ = b
}
