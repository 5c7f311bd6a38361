package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrBad = errors.New("bad input")

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func work(i int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	switch i {
	case 1:
		var m map[string]int
		m["x"] = 1
	case 2:
		return fmt.Errorf("wrap: %w", ErrBad)
	case 3:
		return &ValidationError{"name"}
	case 4:
		var a []int
		_ = a[5]
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	errs := make([]error, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = work(i)
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		var ve *ValidationError
		fmt.Println(i, err, errors.Is(err, ErrBad), errors.As(err, &ve))
	}
}
