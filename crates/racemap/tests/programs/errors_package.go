package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

func find(k string) error {
	if k == "" {
		return ErrNotFound
	}
	if k == "bad" {
		return fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	return nil
}

func main() {
	a := errors.New("same")
	b := errors.New("same")
	fmt.Println(a == b, a == a, a.Error() == b.Error())
	fmt.Println(find("x") == nil, find("") == ErrNotFound)
	err := find("bad")
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(err == ErrNotFound, errors.Is(err, ErrNotFound), errors.Is(err, a))
	fmt.Println(errors.Unwrap(err) == ErrNotFound, errors.Unwrap(ErrNotFound), errors.Unwrap(nil))
	fmt.Println(errors.Is(nil, nil), errors.Is(nil, ErrNotFound), errors.Is(ErrNotFound, nil))
	twice := fmt.Errorf("outer: %w", err)
	fmt.Println(twice, errors.Is(twice, ErrNotFound))
	plain := fmt.Errorf("plain %v", ErrNotFound)
	fmt.Println(plain, errors.Is(plain, ErrNotFound), errors.Unwrap(plain))
	_, perr := strconv.Atoi("x")
	_, perr2 := strconv.Atoi("x")
	fmt.Println(perr, perr == perr2)
	star := fmt.Errorf("%*d: %w", 3, 7, ErrNotFound)
	fmt.Println(star, errors.Is(star, ErrNotFound))
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(err)
	}()
	panic(ErrNotFound)
}
