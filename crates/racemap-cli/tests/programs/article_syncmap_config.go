// The article's fix, as written (only main and the imports added); output checked with go run -race.
package main

import (
	"fmt"
	"sync"
)

var config sync.Map

func main() {
	// Store
	config.Store("database_url", "postgres://localhost:5432/mydb")
	config.Store("max_connections", "100")

	// Load
	val, ok := config.Load("database_url")
	if ok {
		fmt.Println(val.(string))
	}

	// Range over all entries
	config.Range(func(key, value interface{}) bool {
		fmt.Printf("%s: %v\n", key, value)
		return true
	})
}
