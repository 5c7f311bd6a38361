package main

import (
	"errors"
	"fmt"
	"strconv"
)

// *strconv.NumError: errors.As reaches it; its fields Func, Num and Err; Error() and Unwrap();
// a NumError the program makes itself.
func main() {
	inputs := []string{"12", "x1", "99999999999999999999", "1.5e999", "", "0x1p"}
	for _, s := range inputs {
		_, err := strconv.Atoi(s)
		if s[:min(len(s), 2)] == "1." || s == "0x1p" {
			_, err = strconv.ParseFloat(s, 64)
		}
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			fmt.Printf("%s | %s %q %v | %v %v %T\n", err, ne.Func, ne.Num, ne.Err,
				ne.Err == strconv.ErrSyntax, errors.Unwrap(err) == ne.Err, ne)
			fmt.Println(ne.Error() == err.Error(), ne.Unwrap() == strconv.ErrRange)
		} else {
			fmt.Println("no NumError:", err)
		}
	}
	_, err := strconv.ParseBool("maybe")
	ne := err.(*strconv.NumError)
	fmt.Println(ne.Func, ne.Num, errors.Is(err, strconv.ErrSyntax))
	ne.Num = "changed"
	fmt.Println(err)
	mine := &strconv.NumError{Func: "Mine", Num: "n", Err: errors.New("custom")}
	var e error = mine
	fmt.Println(e, errors.Unwrap(e))
	fmt.Printf("%v %+v\n", *mine, *mine)
	_, err = strconv.ParseInt("7", 1, 64)
	fmt.Println(err, errors.As(err, &ne), ne.Err)
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
