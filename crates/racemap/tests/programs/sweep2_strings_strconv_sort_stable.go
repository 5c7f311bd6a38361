package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type person struct {
	name string
	age  int
}

func main() {
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	sb.WriteString("end")
	sb.WriteByte('!')
	sb.WriteRune('é')
	fmt.Println(sb.String(), sb.Len())
	fmt.Println(strings.Fields("  a b\t c\n"), strings.Split("a,b,,c", ","), strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Title("hello world"), strings.ToUpper("abc"), strings.TrimSpace("  x "))
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimLeft("aab", "a"), strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'))
	fmt.Println(strings.Contains("seafood", "foo"), strings.ContainsAny("failure", "ui"), strings.Count("cheese", "e"))
	fmt.Println(strings.Join([]string{"a", "b"}, "-"), strings.Repeat("ab", 3), strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.HasSuffix("file.go", ".go"), strings.Map(unicode.ToUpper, "abc"))
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 16), strconv.Quote("hi\t\"x\""), strconv.FormatFloat(3.14159, 'f', 2, 64))
	n, err := strconv.Atoi("42")
	fmt.Println(n, err)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	f, _ := strconv.ParseFloat("1e3", 64)
	fmt.Println(f)
	people := []person{{"a", 30}, {"b", 25}, {"c", 30}, {"d", 25}, {"e", 30}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	ints := []int{5, 2, 8, 1}
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 5), sort.IsSorted(sort.IntSlice(ints)))
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	words := strings.FieldsFunc("a1b2c3", unicode.IsDigit)
	fmt.Println(words, len(words))
	r := []rune("héllo")
	fmt.Println(len("héllo"), len(r), string(r[1]))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Println(strings.Compare("a", "b"), strings.ToLower("ÀB"))
}
