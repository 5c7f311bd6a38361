package main

import "fmt"

type Point struct{ X, Y int }

type Grid map[Point]rune

func main() {
	g := Grid{}
	g[Point{1, 2}] = 'a'
	g[Point{0, 0}] = 'b'
	g[Point{1, 0}] = 'c'
	fmt.Println(g)
	fmt.Printf("%v %d\n", g, len(g))
	delete(g, Point{0, 0})
	_, ok := g[Point{0, 0}]
	fmt.Println(ok, g[Point{9, 9}])
	counts := map[string][]string{}
	counts["x"] = append(counts["x"], "1")
	counts["x"] = append(counts["x"], "2")
	counts["y"] = append(counts["y"], "3")
	fmt.Println(counts, len(counts["z"]))
	nested := map[string]map[string]int{"a": {"z": 1, "y": 2}}
	if nested["b"] == nil {
		nested["b"] = map[string]int{}
	}
	nested["b"]["k"]++
	fmt.Println(nested)
	p1, p2 := Point{1, 2}, Point{1, 2}
	fmt.Println(p1 == p2, [2]int{1, 2} == [2]int{1, 2})
	var ifaceKeys = map[interface{}]string{1: "int", "1": "string", 1.5: "float"}
	fmt.Println(len(ifaceKeys), ifaceKeys[1], ifaceKeys["1"])
}
