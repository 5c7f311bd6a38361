package main

import (
	"log"
	"os"
	"strings"
)

func main() {
	var b strings.Builder
	_ = log.New(&b, "", 0)
	_ = log.New(os.Stdout, "", 0)
}
