package main

import (
	"fmt"
	"unicode"
)

func script(r rune) string {
	scripts := []struct {
		name  string
		table *unicode.RangeTable
	}{
		{"Latin", unicode.Latin}, {"Greek", unicode.Greek}, {"Cyrillic", unicode.Cyrillic},
		{"Han", unicode.Han}, {"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana},
		{"Hangul", unicode.Hangul}, {"Arabic", unicode.Arabic}, {"Hebrew", unicode.Hebrew},
		{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai}, {"Common", unicode.Common},
		{"Inherited", unicode.Inherited},
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "?"
}

func main() {
	for _, r := range "aZé ж世ひカ한بש्क๑1٣-_ー\u0301\t\u3000😀\U000E0001" {
		fmt.Printf("%U %-10s L=%v Lu=%v Ll=%v N=%v Nd=%v P=%v S=%v Z=%v Space=%v WS=%v Mn=%v C=%v\n",
			r, script(r), unicode.Is(unicode.L, r), unicode.Is(unicode.Lu, r),
			unicode.Is(unicode.Lower, r), unicode.Is(unicode.Number, r), unicode.Is(unicode.Digit, r),
			unicode.Is(unicode.Punct, r), unicode.Is(unicode.Symbol, r), unicode.Is(unicode.Z, r),
			unicode.Is(unicode.Space, r), unicode.Is(unicode.White_Space, r),
			unicode.Is(unicode.Mn, r), unicode.Is(unicode.C, r))
	}
	cjk := []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana}
	for _, r := range []rune{'世', 'ひ', 'a', -1, unicode.MaxRune + 1} {
		fmt.Println(unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana),
			unicode.IsOneOf(cjk, r), unicode.In(r), unicode.IsOneOf(nil, r))
	}
	fmt.Println(unicode.L == unicode.Letter, unicode.Upper == unicode.Lu, unicode.Space == unicode.Z,
		unicode.Space == unicode.White_Space, unicode.Latin != nil)
	count := 0
	for r := rune(0); r <= 0x3100; r++ {
		if unicode.In(r, unicode.Pd, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Pc, unicode.Sc, unicode.Sm, unicode.Sk) {
			count++
		}
		if unicode.Is(unicode.L, r) != unicode.IsLetter(r) || unicode.Is(unicode.Nd, r) != unicode.IsDigit(r) {
			fmt.Println("differs at", r)
		}
	}
	fmt.Println(count)
	hex := 0
	for _, r := range "0x1F-fe_Gg" {
		if unicode.Is(unicode.ASCII_Hex_Digit, r) {
			hex++
		}
	}
	fmt.Println(hex, unicode.Is(unicode.Hex_Digit, 'Ａ'), unicode.Is(unicode.Dash, '—'),
		unicode.Is(unicode.Quotation_Mark, '«'), unicode.Is(unicode.Ideographic, '〇'),
		unicode.Is(unicode.Cs, 0xD800), unicode.Is(unicode.Co, 0xE000), unicode.Is(unicode.Cf, 0x200B))
	var nilTable *unicode.RangeTable
	defer func() { fmt.Println("recovered:", recover()) }()
	unicode.In('a', unicode.Latin, nilTable)
	fmt.Println("In stops at the first table holding the rune")
	unicode.Is(nilTable, 'a')
}
