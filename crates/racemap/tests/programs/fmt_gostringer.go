package main

import "fmt"

// ID prints as a constructor call under %#v (fmt.GoStringer).
type ID int

func (i ID) GoString() string { return fmt.Sprintf("ID(%d)", int(i)) }
func (i ID) String() string   { return fmt.Sprintf("#%d", int(i)) }

type Secret struct{ key string }

func (s *Secret) GoString() string { return "Secret{redacted}" }

type User struct {
	Name  string
	ID    ID
	Cred  *Secret
	inner ID
}

type Bad struct{}

func (Bad) GoString() string { panic("no GoString") }

func main() {
	id := ID(7)
	fmt.Printf("%v %s %d %#v\n", id, id, id, id)
	fmt.Printf("[%#12v] [%-#10v]\n", id, id)
	u := User{Name: "ann", ID: 3, Cred: &Secret{"k"}, inner: 4}
	fmt.Printf("%#v\n", u)
	fmt.Printf("%+v\n", User{Name: "bob", ID: 5})
	fmt.Printf("%#v %#v\n", []ID{1, 2}, map[string]ID{"a": 1})
	fmt.Printf("%#v %#v\n", Secret{"k"}, &Secret{"k"})
	fmt.Printf("%#v\n", Bad{})
	fmt.Println(fmt.Sprintf("%#v", []interface{}{id, "s", 1}))
}
