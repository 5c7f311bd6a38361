package main

// A panic value of a named string type prints its bytes between quotes, unescaped
// (runtime.printanycustomtype), unlike %q.
type T string

func main() {
	panic(T("a\"b\n\tc"))
}
