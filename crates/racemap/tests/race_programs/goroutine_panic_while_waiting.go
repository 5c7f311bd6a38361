package main

import (
	"fmt"
	"sync"
)

type Task struct {
	Name string
	Deps map[string]bool
}

func run(t *Task) {
	if t.Deps["db"] {
		fmt.Println(t.Name, "needs db")
	}
	t.Deps["ran"] = true
}

func main() {
	tasks := []*Task{{Name: "a", Deps: map[string]bool{"db": true}}, {Name: "b"}}
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1)
		go func(t *Task) {
			defer wg.Done()
			run(t)
		}(t)
	}
	wg.Wait()
	fmt.Println("all done")
}
