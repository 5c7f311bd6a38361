package loader

import (
	"errors"
	"sync"
	"testing"
)

// Both loaders assign the function's one err variable: a data race on the error.
func load(name string) error {
	if name == "" {
		return errors.New("no name")
	}
	return nil
}

func TestLoadAll(t *testing.T) {
	var err error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		err = load("a")
	}()
	go func() {
		defer wg.Done()
		err = load("")
	}()
	wg.Wait()
	if err == nil {
		t.Log("no error seen")
	}
}

// The fix gives each loader its own error slot.
func TestLoadAllFixed(t *testing.T) {
	errs := make([]error, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		errs[0] = load("a")
	}()
	go func() {
		defer wg.Done()
		errs[1] = load("")
	}()
	wg.Wait()
	if errs[1] == nil {
		t.Error("want an error")
	}
}
