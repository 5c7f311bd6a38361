// The article's fix, as written (only main and the imports added); output checked with go run -race.
package main

import "fmt"

type cacheRequest struct {
	key      string
	response chan string
}

func cacheWorker(cmds <-chan cacheRequest) {
	data := make(map[string]string)
	for cmd := range cmds {
		cmd.response <- data[cmd.key]
	}
}

func main() {
	cmds := make(chan cacheRequest)
	go cacheWorker(cmds)

	resp := make(chan string)
	cmds <- cacheRequest{key: "user:1", response: resp}
	val := <-resp
	fmt.Println(val)
}
