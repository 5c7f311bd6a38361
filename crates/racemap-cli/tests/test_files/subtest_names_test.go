package main

import "testing"

// Table-driven subtests whose names repeat: Go makes each name unique with a count.
func TestDuplicateNames(t *testing.T) {
	cases := []struct {
		name string
		in   int
	}{
		{"case", 1},
		{"case", 2},
		{"case", 3},
		{"case#01", 4},
		{"", 5},
		{"", 6},
		{"two words", 7},
		{"two words", 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Log(t.Name(), c.in)
			if c.in == 3 {
				t.Errorf("%s failed", t.Name())
			}
		})
	}
}

func TestNestedDuplicates(t *testing.T) {
	for i := 0; i < 2; i++ {
		t.Run("outer", func(t *testing.T) {
			t.Run("inner", func(t *testing.T) { t.Log(t.Name()) })
			t.Run("inner", func(t *testing.T) { t.Log(t.Name()) })
		})
	}
}
