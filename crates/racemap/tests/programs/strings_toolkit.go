package main

import (
	"fmt"
	"sort"
	"strings"
)

func wordFreq(text string) map[string]int {
	freq := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		freq[w]++
	}
	return freq
}

func main() {
	freq := wordFreq("The cat and the hat. The END, and... fin!")
	keys := make([]string, 0, len(freq))
	for k := range freq {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if freq[keys[i]] != freq[keys[j]] {
			return freq[keys[i]] > freq[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys[:3] {
		fmt.Printf("%-5s %d\n", k, freq[k])
	}
	fmt.Println(freq)
	s := "Hello, World"
	fmt.Println(strings.Contains(s, "World"), strings.HasPrefix(s, "He"), strings.Index(s, "o"), strings.LastIndex(s, "o"))
	fmt.Println(strings.Replace(s, "l", "L", 2), strings.ReplaceAll(s, "o", "0"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Join([]string{"x", "y"}, "-"), strings.Title("go lang"), strings.TrimLeft("xxhixx", "x"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.Count("abc", ""))
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String(), sb.Len())
	runes := []rune("héllo")
	for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
		runes[i], runes[j] = runes[j], runes[i]
	}
	fmt.Println(string(runes), len("héllo"), len(runes))
	for i, r := range "aé" {
		fmt.Println(i, r, string(r))
	}
}
