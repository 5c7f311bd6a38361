package main

import "fmt"

type Greeter struct{ name string }

func (g Greeter) Greet() string   { return "hi " + g.name }
func (g *Greeter) PGreet() string { return "hi " + g.name }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

func main() {
	g := Greeter{"a"}
	f := g.Greet
	p := g.PGreet
	g.name = "b"
	fmt.Println(f(), p())
	h := Greeter.Greet
	fmt.Println(h(Greeter{"c"}))
	pg := (*Greeter).PGreet
	fmt.Println(pg(&g))
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(2, 3))
	funcs := map[string]func() string{"v": f, "p": p}
	fmt.Println(funcs["v"](), funcs["p"]())
	var gs []Greeter = []Greeter{{"x"}, {"y"}}
	var fs []func() string
	for _, gg := range gs {
		fs = append(fs, gg.Greet)
	}
	for i := range gs {
		fs = append(fs, gs[i].PGreet)
	}
	gs[0].name = "z"
	for _, fn := range fs {
		fmt.Print(fn(), ";")
	}
	fmt.Println()
}
