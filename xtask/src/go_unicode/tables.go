// Prints what Go's unicode package answers for every rune, as runs, for `cargo xtask
// go-unicode`. Each predicate is evaluated on every rune from 0 to unicode.MaxRune (so the
// Latin-1 special cases of IsSpace, IsControl, IsPrint, ... come out as Go's functions have
// them); each mapping is listed where it changes the rune. A run "lo hi stride" holds the runes
// lo, lo+stride, ..., hi; a mapping run "lo hi stride delta" maps each of them to rune+delta.
// Then the range tables racemap offers (`unicode.Latin`, …): each "table NAME" with the runs of
// the runes unicode.Is answers true for.
package main

import (
	"fmt"
	"os"
	"unicode"
)

type run struct{ lo, hi, stride rune }

// runs splits sorted members into maximal runs of one stride, greedily from the left.
func runs(members []rune) []run {
	var out []run
	for i := 0; i < len(members); {
		lo := members[i]
		if i+1 == len(members) {
			out = append(out, run{lo, lo, 1})
			break
		}
		stride := members[i+1] - lo
		j := i + 1
		for j+1 < len(members) && members[j+1]-members[j] == stride {
			j++
		}
		out = append(out, run{lo, members[j], stride})
		i = j + 1
	}
	return out
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
		{"IsGraphic", unicode.IsGraphic},
	}
	// IsPrint is not listed: it is IsGraphic without the space separators other than ' '
	// (the separators are the graphic spaces); checked here for every rune.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		derived := unicode.IsGraphic(r) && (r == ' ' || !unicode.IsSpace(r))
		if unicode.IsPrint(r) != derived {
			fmt.Fprintf(os.Stderr, "IsPrint(%U) is not IsGraphic minus the other spaces\n", r)
			os.Exit(1)
		}
	}
	for _, p := range preds {
		var members []rune
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if p.f(r) {
				members = append(members, r)
			}
		}
		fmt.Println("pred", p.name)
		for _, x := range runs(members) {
			fmt.Println(x.lo, x.hi, x.stride)
		}
	}
	// The range tables racemap offers: the categories (each alias: Letter and L), the main
	// scripts and the small properties. Left out as not worth their size in the page: Lo,
	// Mc, Po, So, the rarer scripts and the larger properties (a program naming one gets an
	// "unsupported" diagnostic).
	tables := []struct {
		name string
		t    *unicode.RangeTable
	}{
		{"L", unicode.L}, {"Letter", unicode.Letter}, {"Lu", unicode.Lu}, {"Upper", unicode.Upper},
		{"Ll", unicode.Ll}, {"Lower", unicode.Lower}, {"Lt", unicode.Lt}, {"Title", unicode.Title},
		{"Lm", unicode.Lm}, {"M", unicode.M}, {"Mark", unicode.Mark}, {"Mn", unicode.Mn},
		{"Me", unicode.Me}, {"N", unicode.N}, {"Number", unicode.Number}, {"Nd", unicode.Nd},
		{"Digit", unicode.Digit}, {"Nl", unicode.Nl}, {"No", unicode.No}, {"P", unicode.P},
		{"Punct", unicode.Punct}, {"Pc", unicode.Pc}, {"Pd", unicode.Pd}, {"Ps", unicode.Ps},
		{"Pe", unicode.Pe}, {"Pi", unicode.Pi}, {"Pf", unicode.Pf}, {"S", unicode.S},
		{"Symbol", unicode.Symbol}, {"Sm", unicode.Sm}, {"Sc", unicode.Sc}, {"Sk", unicode.Sk},
		{"Z", unicode.Z}, {"Space", unicode.Space}, {"Zs", unicode.Zs}, {"Zl", unicode.Zl},
		{"Zp", unicode.Zp}, {"C", unicode.C}, {"Other", unicode.Other}, {"Cc", unicode.Cc},
		{"Cf", unicode.Cf}, {"Co", unicode.Co}, {"Cs", unicode.Cs},
		{"Latin", unicode.Latin}, {"Greek", unicode.Greek}, {"Cyrillic", unicode.Cyrillic},
		{"Armenian", unicode.Armenian}, {"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic},
		{"Syriac", unicode.Syriac}, {"Thaana", unicode.Thaana},
		{"Devanagari", unicode.Devanagari}, {"Bengali", unicode.Bengali},
		{"Gurmukhi", unicode.Gurmukhi}, {"Gujarati", unicode.Gujarati}, {"Tamil", unicode.Tamil},
		{"Telugu", unicode.Telugu}, {"Kannada", unicode.Kannada},
		{"Malayalam", unicode.Malayalam}, {"Sinhala", unicode.Sinhala}, {"Thai", unicode.Thai},
		{"Lao", unicode.Lao}, {"Tibetan", unicode.Tibetan}, {"Myanmar", unicode.Myanmar},
		{"Georgian", unicode.Georgian}, {"Hangul", unicode.Hangul},
		{"Ethiopic", unicode.Ethiopic}, {"Cherokee", unicode.Cherokee}, {"Khmer", unicode.Khmer},
		{"Mongolian", unicode.Mongolian}, {"Hiragana", unicode.Hiragana},
		{"Katakana", unicode.Katakana}, {"Bopomofo", unicode.Bopomofo}, {"Han", unicode.Han},
		{"Common", unicode.Common}, {"Inherited", unicode.Inherited},
		{"White_Space", unicode.White_Space}, {"ASCII_Hex_Digit", unicode.ASCII_Hex_Digit},
		{"Hex_Digit", unicode.Hex_Digit}, {"Dash", unicode.Dash}, {"Hyphen", unicode.Hyphen},
		{"Quotation_Mark", unicode.Quotation_Mark}, {"Ideographic", unicode.Ideographic},
		{"Unified_Ideograph", unicode.Unified_Ideograph},
		{"Pattern_White_Space", unicode.Pattern_White_Space},
		{"Pattern_Syntax", unicode.Pattern_Syntax},
		{"Noncharacter_Code_Point", unicode.Noncharacter_Code_Point},
		{"Join_Control", unicode.Join_Control}, {"Bidi_Control", unicode.Bidi_Control},
		{"Variation_Selector", unicode.Variation_Selector},
		{"Regional_Indicator", unicode.Regional_Indicator},
	}
	for _, t := range tables {
		var members []rune
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if unicode.Is(t.t, r) {
				members = append(members, r)
			}
		}
		fmt.Println("table", t.name)
		for _, x := range runs(members) {
			fmt.Println(x.lo, x.hi, x.stride)
		}
	}
	maps := []struct {
		name string
		f    func(rune) rune
	}{
		{"ToUpper", unicode.ToUpper}, {"ToLower", unicode.ToLower},
		{"ToTitle", unicode.ToTitle},
	}
	for _, m := range maps {
		// Runs over the changed runes in rune order, each of one stride and one delta, so
		// that the runs' spans do not overlap (a lookup finds the one run that may hold a rune).
		var changed, deltas []rune
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if d := m.f(r) - r; d != 0 {
				changed = append(changed, r)
				deltas = append(deltas, d)
			}
		}
		fmt.Println("map", m.name)
		for i := 0; i < len(changed); {
			j := i
			if i+1 < len(changed) && deltas[i+1] == deltas[i] {
				stride := changed[i+1] - changed[i]
				j = i + 1
				for j+1 < len(changed) && deltas[j+1] == deltas[i] && changed[j+1]-changed[j] == stride {
					j++
				}
			}
			stride := rune(1)
			if j > i {
				stride = changed[i+1] - changed[i]
			}
			fmt.Println(changed[i], changed[j], stride, deltas[i])
			i = j + 1
		}
	}
}
