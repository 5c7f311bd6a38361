// Prints what Go's unicode package answers for every rune, as runs, for `cargo xtask
// go-unicode`. Each predicate is evaluated on every rune from 0 to unicode.MaxRune (so the
// Latin-1 special cases of IsSpace, IsControl, IsPrint, ... come out as Go's functions have
// them); each mapping is listed where it changes the rune. A run "lo hi stride" holds the runes
// lo, lo+stride, ..., hi; a mapping run "lo hi stride delta" maps each of them to rune+delta.
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
