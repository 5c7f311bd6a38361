package main

import (
	"fmt"
	"sync"
)

type Reader interface {
	Read() string
}

type Writer interface {
	Write(s string)
}

type ReadWriter interface {
	Reader
	Writer
}

type buffer struct {
	mu   sync.Mutex
	data []string
}

func (b *buffer) Write(s string) {
	b.mu.Lock()
	b.data = append(b.data, s)
	b.mu.Unlock()
}

func (b *buffer) Read() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

// counted embeds a ReadWriter: its methods are promoted, Write is overridden.
type counted struct {
	ReadWriter
	writes int
}

func (c *counted) Write(s string) {
	c.writes++
	c.ReadWriter.Write(s)
}

type Animal interface{ Sound() string }

type base struct{ name string }

func (b base) Describe() string { return "I am " + b.name }
func (b *base) Rename(n string) { b.name = n }

type dog struct {
	base
	tricks int
}

func (d dog) Sound() string { return d.name + " says woof" }

type Describer interface{ Describe() string }

type Renamer interface {
	Describer
	Rename(string)
}

func main() {
	var rw ReadWriter = &buffer{}
	c := &counted{ReadWriter: rw}
	var w Writer = c
	w.Write("a")
	w.Write("b")
	var r Reader = c
	fmt.Println(r.Read(), r.Read(), r.Read() == "", c.writes)

	d := dog{base{"rex"}, 2}
	var a Animal = d
	var ds Describer = d
	fmt.Println(a.Sound(), "|", ds.Describe())
	var rn Renamer = &d
	rn.Rename("max")
	fmt.Println(rn.Describe(), d.name, ds.Describe())

	say := a.Sound
	d.name = "changed"
	describe := rn.Describe
	rn.Rename("later")
	fmt.Println(say(), describe())

	var wg sync.WaitGroup
	results := make([]string, 2)
	for i, an := range []Animal{dog{base{"a"}, 0}, dog{base{"b"}, 0}} {
		wg.Add(1)
		go func(i int, an Animal) {
			defer wg.Done()
			results[i] = an.Sound()
		}(i, an)
	}
	wg.Wait()
	fmt.Println(results)
	var anys []interface{} = []interface{}{d, &d, rw, 3}
	for _, x := range anys {
		_, isAnimal := x.(Animal)
		_, isRenamer := x.(Renamer)
		fmt.Print(isAnimal, isRenamer, " ")
	}
	fmt.Println()
}
