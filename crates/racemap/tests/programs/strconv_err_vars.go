package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "abc", "99999999999999999999", ""} {
		_, err := strconv.Atoi(s)
		fmt.Println(err, errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))
		fmt.Println(errors.Unwrap(err), errors.Unwrap(err) == strconv.ErrSyntax)
	}
	_, err := strconv.ParseInt("12", 1, 64)
	fmt.Println(err, errors.Unwrap(err), errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseBool("maybe")
	wrapped := fmt.Errorf("config: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, strconv.ErrSyntax))
	fmt.Printf("%v %q %T\n", strconv.ErrRange, strconv.ErrSyntax, strconv.ErrSyntax)
	fmt.Println(strconv.ErrSyntax == strconv.ErrSyntax, strconv.ErrSyntax == errors.New("invalid syntax"))
}
