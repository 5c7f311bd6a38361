package main

import "fmt"

type QueryError struct {
	Query string
	Code  int
}

func (e *QueryError) Error() string { return fmt.Sprintf("query %q failed with code %d", e.Query, e.Code) }

func run(q string) error {
	return &QueryError{q, 42}
}

func main() {
	if err := run("SELECT 1"); err != nil {
		panic(err)
	}
}
