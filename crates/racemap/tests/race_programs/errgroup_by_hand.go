package main

import (
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

var ErrNotFound = errors.New("not found")

func main() {
	var g Group
	urls := []string{"a", "bad", "c"}
	results := make([]string, len(urls))
	for i, u := range urls {
		i, u := i, u
		g.Go(func() error {
			if u == "bad" {
				return fmt.Errorf("fetch %q: %w", u, ErrNotFound)
			}
			results[i] = "ok:" + u
			return nil
		})
	}
	err := g.Wait()
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound))
	fmt.Printf("%q\n", results)
	fmt.Printf("%v|%s|%T\n", err, err, err)
}
