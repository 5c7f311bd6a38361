package main

func main() {
}
}
