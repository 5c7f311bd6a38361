package main

import (
	"fmt"
	"strings"
	"unicode"
)

// sample sums, over every 97th rune from -200 past unicode.MaxRune, a checksum of where pred
// holds: the count and a position-weighted sum (so a table that is off anywhere sampled shows).
func sample(pred func(rune) bool) (int, int) {
	n, sum := 0, 0
	for r := rune(-200); r <= unicode.MaxRune+300; r += 97 {
		if pred(r) {
			n++
			sum = (sum*31 + int(r)) % 1000003
		}
	}
	return n, sum
}

func sampleMap(f func(rune) rune) int {
	sum := 0
	for r := rune(-200); r <= unicode.MaxRune+300; r += 97 {
		if m := f(r); m != r {
			sum = (sum*31 + int(m-r) + int(r)) % 1000003
		}
	}
	return sum
}

func main() {
	preds := []struct {
		name string
		f    func(rune) bool
	}{
		{"IsLetter", unicode.IsLetter}, {"IsUpper", unicode.IsUpper}, {"IsLower", unicode.IsLower},
		{"IsTitle", unicode.IsTitle}, {"IsDigit", unicode.IsDigit}, {"IsNumber", unicode.IsNumber},
		{"IsMark", unicode.IsMark}, {"IsPunct", unicode.IsPunct}, {"IsSymbol", unicode.IsSymbol},
		{"IsSpace", unicode.IsSpace}, {"IsControl", unicode.IsControl},
		{"IsGraphic", unicode.IsGraphic}, {"IsPrint", unicode.IsPrint},
	}
	for _, p := range preds {
		n, sum := sample(p.f)
		fmt.Println(p.name, n, sum)
	}
	fmt.Println("ToUpper", sampleMap(unicode.ToUpper))
	fmt.Println("ToLower", sampleMap(unicode.ToLower))
	fmt.Println("ToTitle", sampleMap(unicode.ToTitle))

	// Runes where Go's simple mappings and Unicode 13 differ from a newer Unicode's full ones.
	for _, r := range []rune{'a', 'Z', 'é', 'ß', 'İ', 'ı', 'ǅ', 'ǆ', 'ᾀ', 'ᾈ', 'K', 'µ', 'ſ', 'ς',
		0x85, 0xa0, 0x1680, 0x2028, 0x2c2f, 0xa7c0, 0x10570, 0x1e030, '٣', '½', '_', '$', '\t', -1, 0x110000} {
		fmt.Printf("%U %v%v%v%v%v%v%v %U %U %U\n", r,
			b(unicode.IsLetter(r)), b(unicode.IsUpper(r)), b(unicode.IsLower(r)), b(unicode.IsDigit(r)),
			b(unicode.IsNumber(r)), b(unicode.IsSpace(r)), b(unicode.IsPrint(r)),
			unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	fmt.Println(unicode.To(unicode.UpperCase, 'q'), unicode.To(unicode.TitleCase, 'ǆ'), unicode.To(7, 'q'), unicode.To(-1, 'q'))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.UpperCase, unicode.LowerCase, unicode.TitleCase, unicode.MaxCase)
	fmt.Printf("%T %T %T\n", unicode.MaxRune, unicode.MaxCase, unicode.IsLetter)

	fmt.Println(strings.ToUpper("straße ǆ ᾀ"), strings.ToLower("İSTANBUL ǅ"), strings.Title("ǆemal ᾀx"))
	fmt.Println(strings.EqualFold("Kelvin", "\u212aelvin"), strings.EqualFold("ß", "SS"), strings.EqualFold("µ", "Μ"))

	// Counting words with letters only, the shape of a word-frequency counter.
	words := strings.FieldsFunc("Hello, wörld! 42 times: héllo-WORLD", func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	counts := map[string]int{}
	for _, w := range words {
		counts[strings.ToLower(w)]++
	}
	fmt.Println(len(words), counts["hello"], counts["wörld"], counts["world"], counts["times"])
	isVowel := func(r rune) bool { return strings.ContainsRune("aeiou", unicode.ToLower(r)) }
	fmt.Println(strings.IndexFunc("xyzÉA", isVowel), strings.Map(unicode.ToUpper, "go é"))
}

func b(x bool) int {
	if x {
		return 1
	}
	return 0
}
